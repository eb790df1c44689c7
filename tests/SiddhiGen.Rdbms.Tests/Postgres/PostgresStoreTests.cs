using Microsoft.Extensions.Logging.Abstractions;
using SiddhiGen.Rdbms.Tests.Apps.StockStore;
using SiddhiGen.Runtime;

namespace SiddhiGen.Rdbms.Tests.Postgres;

/// <summary>The store contract on a real PostgreSQL server the tests start themselves (Npgsql through jdbc:postgresql://).</summary>
[Category("postgres")]
public sealed class PostgresStoreTests : StockStoreContract
{
    private static PostgresServer? s_server;
    private static string? s_unavailable;

    [OneTimeSetUp]
    public void StartServer()
    {
        s_server ??= PostgresServer.Start(out s_unavailable);
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        s_server?.Dispose();
        s_server = null;
    }

    protected override Dictionary<string, string> Database()
    {
        if (s_server is null)
        {
            Assert.Ignore(s_unavailable ?? "PostgreSQL is not available");
        }

        s_server!.Execute("DROP TABLE IF EXISTS stocks");
        return Variables(s_server);
    }

    protected override long CountRowsInDatabase(string table) => (long)s_server!.Scalar($"SELECT COUNT(*) FROM \"{table}\"")!;

    [Test]
    public void TheTableIsCreatedWithPostgresTypesAndItsKey()
    {
        App.Stocks.Send(new StocksEvent("IBM", 10f, 100L));

        Assert.That(s_server!.Scalar("SELECT string_agg(column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', ''), ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'stocks'"),
            Is.EqualTo("symbol character varying(100), price real, volume bigint"));
        Assert.That(s_server.Scalar("SELECT count(*) FROM pg_indexes WHERE tablename = 'stocks' AND indexname = 'stocks_volume_index'"), Is.EqualTo(1L));
    }

    [Test]
    public void AChunkThatTheDatabaseRefusesIsRolledBackWholeAndCounted()
    {
        var rows = new List<object?[]>
        {
            new object?[] { "IBM", 1f, 1L },
            new object?[] { new string('x', 101), 2f, 2L }, // longer than field.length='symbol:100'
        };
        App.SendChunk("Stocks", 0, rows);

        Assert.That(CountRowsInDatabase("stocks"), Is.EqualTo(0), "one transaction per chunk");
        Assert.That(App.ProcessingErrors, Is.EqualTo(1));
        Assert.That(App.StockTable.Faults, Is.EqualTo(1));
        App.Stocks.Send(new StocksEvent("IBM", 1f, 1L));
        Assert.That(CountRowsInDatabase("stocks"), Is.EqualTo(1), "the table reconnects and goes on");
    }

    [Test]
    public void AStoppedServerIsAFaultNotACrash()
    {
        using var app = new StockStore(new SiddhiAppOptions
        {
            LoggerFactory = NullLoggerFactory.Instance,
            Variables = new Dictionary<string, string> { ["DB_URL"] = $"jdbc:postgresql://127.0.0.1:{FreePortNobodyListensOn()}/postgres", ["DB_USER"] = "postgres", ["DB_PASSWORD"] = "" },
        });
        app.Start();
        app.Stocks.Send(new StocksEvent("IBM", 1f, 1L));

        Assert.That(app.ProcessingErrors, Is.EqualTo(1));
        Assert.That(app.StockTable.Faults, Is.EqualTo(1));
        app.Shutdown();
    }

    private static Dictionary<string, string> Variables(PostgresServer server) => new()
    {
        ["DB_URL"] = $"jdbc:postgresql://127.0.0.1:{server.Port}/postgres",
        ["DB_USER"] = "postgres",
        ["DB_PASSWORD"] = string.Empty,
    };

    private static int FreePortNobodyListensOn()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
