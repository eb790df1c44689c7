using SiddhiGen.Generator.Tests.EndToEnd;
using SiddhiGen.Runtime;

namespace SiddhiGen.Generator.Tests.OnDemand;

/// <summary>
/// <c>app.Query(text)</c> over named windows, through the real generator (which registers each window and the app's
/// definitions) and the runtime's evaluator (which binds the text with the generator's parser and binder).
/// </summary>
public sealed class OnDemandQueryEndToEndTests
{
    private const string Stock =
        "define stream StockStream (symbol string, price float, volume long);\n" +
        "define window StockWindow (symbol string, price float, volume long) length(5);\n" +
        "from StockStream insert into StockWindow;\n";

    private static AppHarness WithStock(params (string Symbol, float Price, long Volume)[] rows)
    {
        var harness = new AppHarness(Stock);
        var t = 0L;
        foreach (var (symbol, price, volume) in rows)
        {
            harness.Send(t += 100, "StockStream", symbol, price, volume);
        }

        return harness;
    }

    private static AppHarness ThreeStocks() => WithStock(("WSO2", 55.6f, 100L), ("IBM", 75.6f, 100L), ("WSO2", 57.6f, 100L));

    [Test]
    public void FindWithoutSelectReturnsEveryAttributeInWindowOrder()
    {
        using var harness = ThreeStocks();

        Assert.That(harness.App.Query("from StockWindow"), Is.EqualTo(new[]
        {
            new object?[] { "WSO2", 55.6f, 100L },
            new object?[] { "IBM", 75.6f, 100L },
            new object?[] { "WSO2", 57.6f, 100L },
        }));
    }

    [Test]
    public void OnConditionFiltersWithPromotedArithmetic()
    {
        using var harness = ThreeStocks();

        Assert.Multiple(() =>
        {
            Assert.That(harness.App.Query("from StockWindow on price > 75"), Is.EqualTo(new[] { new object?[] { "IBM", 75.6f, 100L } }));
            Assert.That(harness.App.Query("from StockWindow on price > volume*3/4"), Is.EqualTo(new[] { new object?[] { "IBM", 75.6f, 100L } }));
            Assert.That(harness.App.Query("from StockWindow as s on s.symbol == 'IBM' select s.symbol"), Is.EqualTo(new[] { new object?[] { "IBM" } }));
        });
    }

    [Test]
    public void SelectAndHaving()
    {
        using var harness = ThreeStocks();

        Assert.That(
            harness.App.Query("from StockWindow on price > 5 select symbol, volume having symbol == 'WSO2'"),
            Is.EqualTo(new[] { new object?[] { "WSO2", 100L }, new object?[] { "WSO2", 100L } }));
    }

    [Test]
    public void GroupByGivesOneRowPerGroupInOrderOfFirstAppearance()
    {
        using var harness = ThreeStocks();

        Assert.Multiple(() =>
        {
            Assert.That(
                harness.App.Query("from StockWindow on price > 5 select symbol, sum(volume) as totalVolume group by symbol"),
                Is.EqualTo(new[] { new object?[] { "WSO2", 200L }, new object?[] { "IBM", 100L } }));
            Assert.That(
                harness.App.Query("from StockWindow on price > 5 select symbol, sum(volume) as totalVolume group by symbol having totalVolume > 150"),
                Is.EqualTo(new[] { new object?[] { "WSO2", 200L } }));
            Assert.That(
                harness.App.Query("from StockWindow select symbol, sum(volume) as totalVolume group by symbol, price"),
                Is.EqualTo(new[] { new object?[] { "WSO2", 100L }, new object?[] { "IBM", 100L }, new object?[] { "WSO2", 100L } }));
        });
    }

    [Test]
    public void AggregatesWithoutGroupByGiveTheLastRow()
    {
        using var harness = ThreeStocks();

        Assert.Multiple(() =>
        {
            Assert.That(
                harness.App.Query("from StockWindow select symbol, avg(price) as avgPrice, count() as n, max(volume) as top"),
                Is.EqualTo(new[] { new object?[] { "WSO2", ((double)55.6f + (double)75.6f + (double)57.6f) / 3, 3L, 100L } }).Within(1e-9));
            Assert.That(harness.App.Query("from StockWindow select count() as n offset 1"), Is.Empty, "an offset skips the one aggregated row");
        });
    }

    [Test]
    public void CountOverAnEmptyWindowReturnsNoRows()
    {
        using var harness = new AppHarness(Stock);

        Assert.Multiple(() =>
        {
            Assert.That(harness.App.Query("from StockWindow select count() as n"), Is.Empty);
            Assert.That(harness.App.Query("from StockWindow"), Is.Empty);
        });
    }

    [Test]
    public void OrderByLimitAndOffset()
    {
        using var harness = WithStock(("A", 3f, 1L), ("B", 1f, 2L), ("C", 2f, 3L), ("D", 1f, 4L));

        Assert.Multiple(() =>
        {
            Assert.That(harness.App.Query("from StockWindow select symbol, price order by price limit 2"), Is.EqualTo(new[] { new object?[] { "B", 1f }, new object?[] { "D", 1f } }));
            Assert.That(harness.App.Query("from StockWindow select symbol, price order by price desc, symbol desc limit 2 offset 1"), Is.EqualTo(new[] { new object?[] { "C", 2f }, new object?[] { "D", 1f } }));
        });
    }

    [Test]
    public void ExpiredEventsAreGoneAndEventTimestampReadsTheRow()
    {
        using var harness = WithStock(("A", 1f, 1L), ("B", 1f, 1L), ("C", 1f, 1L), ("D", 1f, 1L), ("E", 1f, 1L), ("F", 1f, 1L));

        Assert.That(
            harness.App.Query("from StockWindow select symbol, eventTimestamp() as ts"),
            Is.EqualTo(new[] { "B", "C", "D", "E", "F" }.Select((s, i) => new object?[] { s, AppHarness.Base + ((i + 2) * 100) })));
    }

    [Test]
    public void ABatchWindowShowsItsLastCompletedBatch()
    {
        using var harness = new AppHarness(
            "define stream S (symbol string, volume long);\n" +
            "define window W (symbol string, volume long) lengthBatch(2);\n" +
            "from S insert into W;\n");
        harness.Send(0, "S", "A", 1L);
        Assert.That(harness.App.Query("from W"), Is.Empty, "no batch completed yet");
        harness.Send(1, "S", "B", 2L);
        harness.Send(2, "S", "C", 3L);

        Assert.That(harness.App.Query("from W select symbol"), Is.EqualTo(new[] { new object?[] { "A" }, new object?[] { "B" } }));
    }

    [Test]
    public void AnErrorInTheQueryIsAnExceptionWithTheGeneratorsDiagnostic()
    {
        using var harness = ThreeStocks();

        var undefined = Assert.Throws<SiddhiQLException>(() => harness.App.Query("from StockWindow on prize > 5"))!;
        var syntax = Assert.Throws<SiddhiQLException>(() => harness.App.Query("from StockWindow select"))!;
        var notQueryable = Assert.Throws<SiddhiQLException>(() => harness.App.Query("from StockStream"))!;

        Assert.Multiple(() =>
        {
            Assert.That(undefined.Errors.Select(e => (e.Id, e.Message, e.Line, e.Column)), Is.EqualTo(new[] { ("SIDDHI031", "Attribute 'prize' is not defined in window 'StockWindow'", 1, 21) }));
            Assert.That(undefined.Message, Does.Contain("SIDDHI031: Attribute 'prize' is not defined in window 'StockWindow'"));
            Assert.That(syntax.Errors.Select(e => e.Id), Is.EqualTo(new[] { "SIDDHI010" }));
            Assert.That(notQueryable.Message, Does.Contain("SIDDHI046: 'StockStream' is not a table, a named window or an aggregation"));
        });
    }

    [Test]
    public void ChangingATableIsNotAvailableOnAWindow()
    {
        using var harness = ThreeStocks();

        var ex = Assert.Throws<SiddhiQLException>(() => harness.App.Query("delete StockWindow on StockWindow.volume == 100L"))!;
        Assert.That(ex.Errors.Select(e => e.Id), Is.EqualTo(new[] { "SIDDHI053" }));
    }

    [Test]
    public void OutputSchemaOfAQuery()
    {
        using var harness = ThreeStocks();

        var schema = harness.App.GetQueryOutputSchema("from StockWindow select symbol, sum(volume) as total group by symbol");
        Assert.That(schema.Attributes.Select(a => (a.Name, a.Type)), Is.EqualTo(new[] { ("symbol", SiddhiType.String), ("total", SiddhiType.Long) }));
    }

    [Test]
    public void AnAppWithoutAnythingToQueryRejectsQueries()
    {
        using var harness = new AppHarness("define stream S (a int);\nfrom S select a insert into O;\n");

        Assert.Throws<NotSupportedException>(() => harness.App.Query("from S"));
    }

    [Test]
    public void TablesAreReadAndChangedThroughTheGeneratedRegistration()
    {
        using var harness = new AppHarness(
            "define stream StockStream (id int, symbol string, volume int);\n" +
            "define table StockTable (id int, symbol string, volume int);\n" +
            "from StockStream insert into StockTable;\n");
        harness.Send(0, "StockStream", 1, "WSO2", 100);
        harness.Send(1, "StockStream", 2, "IBM", 200);

        Assert.Multiple(() =>
        {
            Assert.That(harness.App.Query("select 10 as id, \"YAHOO\" as symbol, 400 as volume insert into StockTable;"), Is.Empty);
            Assert.That(harness.App.Query("update StockTable set StockTable.symbol=\"MICROSOFT\", StockTable.volume=2000 on StockTable.id==2;"), Is.Empty);
            Assert.That(harness.App.Query("delete StockTable on StockTable.volume == 100;"), Is.Empty);
            Assert.That(harness.App.Query("from StockTable select *"), Is.EqualTo(new[] { new object?[] { 2, "MICROSOFT", 2000 }, new object?[] { 10, "YAHOO", 400 } }));
        });
    }

    [Test]
    public void TheGeneratedAppRegistersItsWindowsAndDefinitions()
    {
        var source = GeneratedApp.Generate(Stock).Source!;

        Assert.Multiple(() =>
        {
            Assert.That(source, Does.Contain("UseOnDemandQueries(\"define stream StockStream (symbol string, price float, volume long);\\ndefine window StockWindow (symbol string, price float, volume long) length(5);\");"));
            Assert.That(source, Does.Contain("RegisterQueryable(\"StockWindow\", StockWindowEvent.Schema, () => global::SiddhiGen.Runtime.QueryableRows.From(_stockWindowWindow.Contents, static e => e.ToRow()));"));
        });
    }
}
