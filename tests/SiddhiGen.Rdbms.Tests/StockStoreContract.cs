using Microsoft.Extensions.Logging.Abstractions;
using SiddhiGen.Rdbms.Tests.Apps.StockStore;
using SiddhiGen.Runtime;

namespace SiddhiGen.Rdbms.Tests;

/// <summary>
/// What every rdbms database must do for a store table, through the generated app: the operations of an in-memory
/// table, pushed down as parameterized SQL. Each database's fixture (SQLite, PostgreSQL) runs these against a fresh table.
/// </summary>
public abstract class StockStoreContract
{
    protected StockStore App { get; private set; } = null!;

    /// <summary>DB_URL, DB_USER and DB_PASSWORD for the app.</summary>
    protected abstract Dictionary<string, string> Database();

    /// <summary>The number of rows of the database table, read with the provider directly.</summary>
    protected abstract long CountRowsInDatabase(string table);

    [SetUp]
    public void StartApp()
    {
        App = new StockStore(new SiddhiAppOptions { Variables = Database(), LoggerFactory = NullLoggerFactory.Instance });
        App.Start();
    }

    [TearDown]
    public void StopApp()
    {
        App.Shutdown();
        App.Dispose();
    }

    [Test]
    public void InsertsRowsAndDropsADuplicatePrimaryKey()
    {
        App.Stocks.Send(new StocksEvent("IBM", 10f, 100L));
        App.Stocks.Send(new StocksEvent("IBM", 99f, 999L));
        App.Stocks.Send(new StocksEvent("WSO2", 20f, 200L));

        Assert.That(Sorted(App.Query("from StockTable select symbol, price, volume")), Is.EqualTo(new[]
        {
            new object?[] { "IBM", 10f, 100L },
            new object?[] { "WSO2", 20f, 200L },
        }));
        Assert.That(CountRowsInDatabase("stocks"), Is.EqualTo(2), "the rows are in the database table named by table.name");
    }

    [Test]
    public void AChunkGoesInWhole()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new object?[] { "S" + i, (float)i, (long)i }).ToList();
        App.SendChunk("Stocks", 0, rows);

        Assert.That(CountRowsInDatabase("stocks"), Is.EqualTo(50));
    }

    [Test]
    public void DeletesUpdatesAndUpdatesOrInserts()
    {
        App.Stocks.Send(new StocksEvent("IBM", 10f, 100L));
        App.Stocks.Send(new StocksEvent("WSO2", 20f, 200L));
        App.Stocks.Send(new StocksEvent("ORCL", 30f, 300L));

        App.Deletes.Send(new DeletesEvent("ORCL"));
        App.Updates.Send(new UpdatesEvent("IBM", 11f));
        App.Upserts.Send(new UpsertsEvent("WSO2", 21f, 5L));
        App.Upserts.Send(new UpsertsEvent("MSFT", 40f, 400L));

        Assert.That(Sorted(App.Query("from StockTable select symbol, price, volume")), Is.EqualTo(new[]
        {
            new object?[] { "IBM", 11f, 100L },
            new object?[] { "MSFT", 40f, 400L },
            new object?[] { "WSO2", 21f, 205L },
        }));
    }

    [Test]
    public void InConditionsAndJoinsLookRowsUp()
    {
        var known = new List<string?>();
        var found = new List<FoundEvent>();
        var cheap = new List<(string?, string?)>();
        App.Known.Subscribe(e => known.Add(e.Symbol));
        App.Found.Subscribe(found.Add);
        App.CheapEnough.Subscribe(e => cheap.Add((e.Probe, e.Symbol)));
        App.Stocks.Send(new StocksEvent("IBM", 10f, 100L));
        App.Stocks.Send(new StocksEvent("WSO2", 20f, 200L));

        App.Checks.Send(new ChecksEvent("WSO2"));
        App.Checks.Send(new ChecksEvent("NONE"));
        App.Lookups.Send(new LookupsEvent("WSO2", 15f));
        App.Lookups.Send(new LookupsEvent("IBM", 15f));

        Assert.That(known, Is.EqualTo(new[] { "WSO2" }));
        Assert.That(found, Is.EqualTo(new[] { new FoundEvent("WSO2", 20f, 200L) }), "both conjuncts of the on condition hold");
        Assert.That(cheap, Is.EquivalentTo(new[] { ("WSO2", "WSO2"), ("IBM", "WSO2") }), "the client-side condition keeps only price >= 15");
    }

    [Test]
    public void AnSqlInjectionShapedValueIsStoredAndReadBackAsData()
    {
        const string hostile = "'; DROP TABLE stocks; --";
        var known = new List<string?>();
        App.Known.Subscribe(e => known.Add(e.Symbol));

        App.Stocks.Send(new StocksEvent(hostile, 1f, 1L));
        App.Checks.Send(new ChecksEvent(hostile));
        App.Updates.Send(new UpdatesEvent(hostile, 2f));

        Assert.That(known, Is.EqualTo(new[] { hostile }));
        Assert.That(App.Query("from StockTable select symbol, price"), Is.EqualTo(new[] { new object?[] { hostile, 2f } }));
        Assert.That(CountRowsInDatabase("stocks"), Is.EqualTo(1), "the table is still there");
    }

    [Test]
    public void OnDemandQueriesReadAndChangeTheStore()
    {
        App.Stocks.Send(new StocksEvent("IBM", 10f, 100L));
        App.Stocks.Send(new StocksEvent("WSO2", 20f, 200L));
        App.Stocks.Send(new StocksEvent("ORCL", 30f, 300L));

        Assert.That(App.Query("from StockTable on volume > 150 select symbol order by symbol desc limit 1"), Is.EqualTo(new[] { new object?[] { "WSO2" } }));
        App.Query("delete StockTable on StockTable.symbol == 'ORCL'");
        App.Query("select 'IBM' as symbol, 12f as price update StockTable set StockTable.price = price on StockTable.symbol == symbol");

        Assert.That(Sorted(App.Query("from StockTable select symbol, price")), Is.EqualTo(new[]
        {
            new object?[] { "IBM", 12f },
            new object?[] { "WSO2", 20f },
        }));
    }

    protected static List<object?[]> Sorted(IEnumerable<object?[]> rows) => rows.OrderBy(r => (string?)r[0], StringComparer.Ordinal).ToList();
}
