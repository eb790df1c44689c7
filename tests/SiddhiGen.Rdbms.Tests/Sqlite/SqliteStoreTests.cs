using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SiddhiGen.Rdbms.Tests.Apps.NamedSource;
using SiddhiGen.Rdbms.Tests.Apps.StockStore;
using SiddhiGen.Runtime;

namespace SiddhiGen.Rdbms.Tests.Sqlite;

/// <summary>The store contract on SQLite files in a temp folder, and what only a file database shows.</summary>
[Category("rdbms")]
public sealed class SqliteStoreTests : StockStoreContract
{
    private TempFolder _folder = null!;

    private string DatabaseFile => _folder.File("stocks.db");

    [OneTimeSetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [OneTimeTearDown]
    public void RemoveFolder() => _folder.Dispose();

    protected override Dictionary<string, string> Database()
    {
        // A fresh database file per test.
        SqliteConnection.ClearAllPools();
        System.IO.File.Delete(DatabaseFile);
        return Variables("jdbc:sqlite:" + DatabaseFile);
    }

    protected override long CountRowsInDatabase(string table) => (long)Scalar($"SELECT COUNT(*) FROM \"{table}\"")!;

    [Test]
    public void TheTableIsCreatedWithSiddhisTypesItsKeyAndItsIndex()
    {
        App.Stocks.Send(new StocksEvent("IBM", 10f, 100L));

        var columns = Rows("SELECT name, type, pk FROM pragma_table_info('stocks') ORDER BY cid");
        Assert.That(columns, Is.EqualTo(new[]
        {
            new object?[] { "symbol", "VARCHAR(100)", 1L },
            new object?[] { "price", "REAL", 0L },
            new object?[] { "volume", "BIGINT", 0L },
        }));
        Assert.That(Scalar("SELECT name FROM pragma_index_list('stocks') WHERE origin = 'c'"), Is.EqualTo("stocks_volume_index"));
    }

    [Test]
    public void RowsOutliveTheApp()
    {
        App.Stocks.Send(new StocksEvent("IBM", 10f, 100L));
        App.Shutdown();

        using var again = new StockStore(new SiddhiAppOptions { Variables = Variables("jdbc:sqlite:" + DatabaseFile), LoggerFactory = NullLoggerFactory.Instance });
        again.Start();
        Assert.That(again.Query("from StockTable select symbol, volume"), Is.EqualTo(new[] { new object?[] { "IBM", 100L } }));
        again.Shutdown();
    }

    [Test]
    public void AnUnreachableDatabaseFollowsTheErrorPolicyAndIsCounted()
    {
        using var broken = new StockStore(new SiddhiAppOptions
        {
            Variables = Variables("jdbc:sqlite:" + _folder.File("no-such-folder/stocks.db")),
            LoggerFactory = NullLoggerFactory.Instance,
        });
        broken.Start();

        broken.Stocks.Send(new StocksEvent("IBM", 10f, 100L));
        broken.Stocks.Send(new StocksEvent("WSO2", 20f, 200L));

        Assert.That(broken.ProcessingErrors, Is.EqualTo(2), "each failed insert went to the stream's error policy (logged, counted)");
        Assert.That(broken.StockTable.Faults, Is.EqualTo(2));
        broken.Shutdown();
    }

    [Test]
    public void ANamedDataSourceComesFromConfiguration()
    {
        var file = _folder.File("readings.db");
        using var app = new NamedSource(new SiddhiAppOptions
        {
            LoggerFactory = NullLoggerFactory.Instance,
            Variables = new Dictionary<string, string>
            {
                ["SiddhiGen:DataSources:READINGS_DB:ConnectionString"] = "Data Source=" + file,
                ["SiddhiGen:DataSources:READINGS_DB:Provider"] = "sqlite",
            },
        });
        app.Start();
        app.Readings.Send(new ReadingsEvent("s1", 1.5, true));
        app.Readings.Send(new ReadingsEvent("s2", null, false));

        Assert.That(app.Query("from ReadingTable select sensor, value, ok"), Is.EqualTo(new[]
        {
            new object?[] { "s1", 1.5, true },
            new object?[] { "s2", null, false },
        }));
        app.Shutdown();
    }

    private static Dictionary<string, string> Variables(string url) => new()
    {
        ["DB_URL"] = url,
        ["DB_USER"] = string.Empty,
        ["DB_PASSWORD"] = string.Empty,
    };

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection("Data Source=" + DatabaseFile);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private List<object?[]> Rows(string sql)
    {
        using var connection = new SqliteConnection("Data Source=" + DatabaseFile);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }

        return rows;
    }
}
