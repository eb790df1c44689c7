using SiddhiGen.Persistence.Sqlite;
using SiddhiGen.Runtime;

namespace SiddhiGen.Integration.Tests.Persistence;

/// <summary>The SQLite store against a real SQLite database file: revisions saved, loaded, kept, cleared, damage refused.</summary>
[Category("persistence")]
public sealed class SqlitePersistenceStoreTests
{
    private string _path = null!;

    [SetUp]
    public void CreateDatabasePath() => _path = Path.Combine(Path.GetTempPath(), "siddhigen-" + Guid.NewGuid().ToString("N") + ".db");

    [TearDown]
    public void DeleteDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.File.Delete(_path);
    }

    private static SnapshotDocument Snapshot(long time, byte value) => new("App", "hash", time, [new("q", [value, 1, 2])]);

    [Test]
    public void RevisionsLoadBackAndOnlyTheNewestAreKept()
    {
        var store = new SqlitePersistenceStore("Data Source=" + _path, revisionsToKeep: 2);
        var ids = Enumerable.Range(0, 4).Select(i => store.Save("App", Snapshot(i, (byte)i))).ToList();

        Assert.That(store.Revisions("App"), Is.EqualTo(ids[2..]));
        Assert.That(store.LastRevision("App"), Is.EqualTo(ids[3]));
        Assert.That(store.Load("App", ids[3])!.Entries[0].Value, Is.EqualTo(new byte[] { 3, 1, 2 }));
        Assert.That(store.Load("App", ids[0]), Is.Null);
        Assert.That(store.LastRevision("Other"), Is.Null);
    }

    [Test]
    public void ANewStoreOnTheSameDatabaseFindsTheRevisionsAndClearingRemovesThem()
    {
        var revision = new SqlitePersistenceStore("Data Source=" + _path).Save("App", Snapshot(7, 9));
        var reopened = new SqlitePersistenceStore("Data Source=" + _path);

        Assert.That(reopened.Load("App", revision)!.ClockTime, Is.EqualTo(7));
        reopened.ClearAllRevisions("App");
        Assert.That(reopened.Revisions("App"), Is.Empty);
    }

    [Test]
    public void ADamagedRowIsRefusedWithAClearError()
    {
        var store = new SqlitePersistenceStore("Data Source=" + _path);
        var revision = store.Save("App", Snapshot(1, 5));
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + _path))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE siddhi_revisions SET snapshot = substr(snapshot, 1, length(snapshot) - 2)";
            command.ExecuteNonQuery();
        }

        Assert.That(Assert.Throws<SnapshotException>(() => store.Load("App", revision))!.Message, Does.Contain("corrupt or truncated"));
    }
}
