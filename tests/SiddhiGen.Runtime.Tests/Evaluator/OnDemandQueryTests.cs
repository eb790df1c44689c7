namespace SiddhiGen.Runtime.Tests.Evaluator;

/// <summary>
/// <see cref="SiddhiApp.Query"/> over a table an app registers (as generated apps do): the cases of Siddhi's
/// <c>OnDemandQueryTableTestCase</c>, finds and changes.
/// </summary>
public sealed class OnDemandQueryTests
{
    private static readonly StreamSchema s_stock = new("StockTable", [new("symbol", SiddhiType.String), new("price", SiddhiType.Float), new("volume", SiddhiType.Long)]);

    private static QueryApp Stock(params object?[][] rows) => new(rows);

    private static QueryApp ThreeStocks() => Stock(["WSO2", 55.6f, 100L], ["IBM", 75.6f, 100L], ["WSO2", 57.6f, 100L]);

    [Test]
    public void FindsRowsMatchingTheCondition()
    {
        using var app = ThreeStocks();

        Assert.Multiple(() =>
        {
            Assert.That(app.Query("from StockTable"), Has.Count.EqualTo(3));
            Assert.That(app.Query("from StockTable on price > 75"), Is.EqualTo(new[] { new object?[] { "IBM", 75.6f, 100L } }));
            Assert.That(app.Query("from StockTable on price > volume*3/4  "), Is.EqualTo(new[] { new object?[] { "IBM", 75.6f, 100L } }));
            Assert.That(app.Query("from StockTable on StockTable.symbol == 'IBM' select symbol, volume"), Is.EqualTo(new[] { new object?[] { "IBM", 100L } }));
        });
    }

    [Test]
    public void SelectsGroupsAndFilters()
    {
        using var app = ThreeStocks();

        Assert.Multiple(() =>
        {
            Assert.That(app.Query("from StockTable on price > 5 select symbol, volume having symbol == 'WSO2'"), Is.EqualTo(new[] { new object?[] { "WSO2", 100L }, new object?[] { "WSO2", 100L } }));
            Assert.That(app.Query("from StockTable on price > 5 select symbol, sum(volume) as totalVolume group by symbol having totalVolume >150"), Is.EqualTo(new[] { new object?[] { "WSO2", 200L } }));
            Assert.That(app.Query("from StockTable select * having volume == 100L;"), Has.Count.EqualTo(3));
            Assert.That(app.Query("from StockTable on volume > 10 select symbol, price, volume order by price limit 2"), Is.EqualTo(new[] { new object?[] { "WSO2", 55.6f, 100L }, new object?[] { "WSO2", 57.6f, 100L } }));
        });
    }

    [Test]
    public void AggregatesWithoutRowsGiveNoRow()
    {
        using var app = Stock();

        Assert.That(app.Query("from StockTable select count() as n, sum(volume) as total"), Is.Empty);
    }

    [Test]
    public void InsertDeleteAndUpdateChangeATableAndReturnNoRows()
    {
        using var app = ThreeStocks();

        Assert.Multiple(() =>
        {
            Assert.That(app.Query("select 'YAHOO' as symbol, 1.5f as price, 400L as volume insert into StockTable;"), Is.Empty);
            Assert.That(app.Query("from StockTable on symbol == 'YAHOO'"), Is.EqualTo(new[] { new object?[] { "YAHOO", 1.5f, 400L } }));

            app.Query("select 100L as vol delete StockTable on StockTable.volume == vol;");
            Assert.That(app.Query("from StockTable select symbol"), Is.EqualTo(new[] { new object?[] { "YAHOO" } }));

            app.Query("update StockTable set StockTable.symbol = 'MSFT', StockTable.volume = 2000 on StockTable.volume == 400L;");
            Assert.That(app.Query("from StockTable"), Is.EqualTo(new[] { new object?[] { "MSFT", 1.5f, 2000L } }), "an int set value is converted to the long attribute");

            app.Query("delete StockTable;");
            Assert.That(app.Query("from StockTable"), Is.Empty);
        });
    }

    [Test]
    public void UpdateOrInsertUpdatesTheMatchingRowsOrInsertsTheSelectedOne()
    {
        using var app = ThreeStocks();
        const string upsert = "select 'newSymbol' as symbol, 123.45f as price, 123L as volume update or insert into StockTable "
            + "set StockTable.symbol = symbol, StockTable.price = price on StockTable.volume == {0}";

        app.Query(string.Format(System.Globalization.CultureInfo.InvariantCulture, upsert, "500L"));
        Assert.That(app.Query("from StockTable select * having volume == 123L;"), Is.EqualTo(new[] { new object?[] { "newSymbol", 123.45f, 123L } }));

        app.Query(string.Format(System.Globalization.CultureInfo.InvariantCulture, upsert, "100L"));
        Assert.That(app.Query("from StockTable select symbol, volume"), Is.EqualTo(new[]
        {
            new object?[] { "newSymbol", 100L }, new object?[] { "newSymbol", 100L }, new object?[] { "newSymbol", 100L }, new object?[] { "newSymbol", 123L },
        }));
    }

    [Test]
    public void ASourceRegisteredForReadingCannotBeChanged()
    {
        using var app = new QueryApp([], readOnly: true);

        var ex = Assert.Throws<NotSupportedException>(() => app.Query("delete StockTable on StockTable.volume == 100L;"))!;
        Assert.That(ex.Message, Does.Contain("'delete'"));
    }

    [Test]
    public void ErrorsCarryTheDiagnostics()
    {
        using var app = ThreeStocks();

        var ex = Assert.Throws<SiddhiQLException>(() => app.Query("from StockTable on price > 'x'"))!;
        Assert.Multiple(() =>
        {
            Assert.That(ex.Errors.Select(e => (e.Id, e.Message, e.Line, e.Column)), Is.EqualTo(new[] { ("SIDDHI034", "Operator '>' cannot be applied to float and string", 1, 26) }));
            Assert.That(ex.Message, Is.EqualTo("On-demand query 'from StockTable on price > 'x'' is not valid: SIDDHI034: Operator '>' cannot be applied to float and string (line 1, column 26)"));
        });
    }

    [Test]
    public void TheSnapshotIsTakenWhenTheQueryRuns()
    {
        using var app = ThreeStocks();
        Assert.That(app.Query("from StockTable select count() as n"), Is.EqualTo(new[] { new object?[] { 3L } }));

        app.Table.Insert(new StockRow("X", 1f, 1L));
        Assert.That(app.Query("from StockTable select count() as n"), Is.EqualTo(new[] { new object?[] { 4L } }));
    }

    /// <summary>An app with one table, registered as generated apps register theirs.</summary>
    private sealed class QueryApp : SiddhiApp
    {
        public QueryApp(object?[][] rows, bool readOnly = false)
            : base("QueryApp", new SiddhiAppOptions { Clock = new VirtualClock(0) }, playback: false)
        {
            Table = new InMemoryTable<StockRow>(this, "StockTable");
            foreach (var row in rows)
            {
                Table.Insert(StockRow.FromRow(row));
            }

            UseOnDemandQueries("define stream StockStream (symbol string, price float, volume long);\ndefine table StockTable (symbol string, price float, volume long);");
            if (readOnly)
            {
                RegisterQueryable("StockTable", s_stock, () => Table.ToRows(static r => r.ToRow()));
            }
            else
            {
                RegisterTable("StockTable", s_stock, Table, static r => r.ToRow(), StockRow.FromRow);
            }
        }

        public InMemoryTable<StockRow> Table { get; }
    }

    private readonly record struct StockRow(string? Symbol, float? Price, long? Volume)
    {
        public static StockRow FromRow(object?[] row) =>
            new(RowConvert.ToString(row[0], "symbol"), RowConvert.ToFloat(row[1], "price"), RowConvert.ToLong(row[2], "volume"));

        public object?[] ToRow() => [Symbol, Price, Volume];
    }
}
