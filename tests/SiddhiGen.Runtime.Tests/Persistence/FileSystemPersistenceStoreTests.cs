using SiddhiGen.Runtime;

namespace SiddhiGen.Runtime.Tests.Persistence;

/// <summary>The file store: atomic revisions, incremental saves of what changed, retention, and damaged files refused.</summary>
[Category("persistence")]
public sealed class FileSystemPersistenceStoreTests
{
    private string _root = null!;

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("siddhigen-store-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    private static SnapshotDocument Snapshot(long time, params (string Name, byte[] Bytes)[] entries) =>
        new("App", "hash", time, [.. entries.Select(e => new KeyValuePair<string, byte[]>(e.Name, e.Bytes))]);

    [Test]
    public void ARevisionLoadsBackAsSaved()
    {
        var store = new FileSystemPersistenceStore(_root);
        var revision = store.Save("App", Snapshot(5, ("q1", [1, 2, 3]), ("q2", [])));

        var loaded = store.Load("App", revision)!;
        Assert.That(loaded.ToBytes(), Is.EqualTo(Snapshot(5, ("q1", [1, 2, 3]), ("q2", [])).ToBytes()));
        Assert.That(store.LastRevision("App"), Is.EqualTo(revision));
        Assert.That(Directory.GetFiles(Path.Combine(_root, "App"), "*.tmp"), Is.Empty);
    }

    [Test]
    public void AnIncrementHoldsOnlyTheOperatorsThatChangedAndLoadsInFull()
    {
        var store = new FileSystemPersistenceStore(_root, revisionsToKeep: 5);
        var big = Enumerable.Repeat((byte)7, 10_000).ToArray();
        store.Save("App", Snapshot(1, ("window", big), ("count", [1])));
        var second = store.Save("App", Snapshot(2, ("window", big), ("count", [2])));

        var file = Directory.GetFiles(Path.Combine(_root, "App"), second + ".*").Single();
        Assert.That(file, Does.EndWith(".incr"));
        Assert.That(new FileInfo(file).Length, Is.LessThan(200), "the unchanged window is not written again");
        var loaded = store.Load("App", second)!;
        Assert.That(loaded.ClockTime, Is.EqualTo(2));
        Assert.That(loaded.Entries.Select(e => e.Value), Is.EqualTo(new[] { big, new byte[] { 2 } }));
    }

    [Test]
    public void OnlyTheNewestRevisionsAreKeptWithWhatTheyBuildOn()
    {
        var store = new FileSystemPersistenceStore(_root, revisionsToKeep: 2, baseEvery: 3);
        var ids = Enumerable.Range(0, 7).Select(i => store.Save("App", Snapshot(i, ("q", [(byte)i])))).ToList();

        // Revisions 0,3,6 are bases; keeping 5 and 6 keeps 5's chain back to base 3.
        Assert.That(store.Revisions("App"), Is.EqualTo(new[] { ids[3], ids[4], ids[5], ids[6] }));
        Assert.That(store.Load("App", ids[5])!.Entries[0].Value, Is.EqualTo(new byte[] { 5 }));
        Assert.That(store.Load("App", ids[0]), Is.Null);
    }

    [Test]
    public void ANewStoreOverTheSameFolderFindsTheRevisions()
    {
        var revision = new FileSystemPersistenceStore(_root).Save("App", Snapshot(9, ("q", [4])));

        var reopened = new FileSystemPersistenceStore(_root);
        Assert.That(reopened.LastRevision("App"), Is.EqualTo(revision));
        Assert.That(reopened.Load("App", revision)!.ClockTime, Is.EqualTo(9));
    }

    [Test]
    public void ADamagedRevisionFileIsRefusedWithAClearError()
    {
        var store = new FileSystemPersistenceStore(_root);
        var revision = store.Save("App", Snapshot(1, ("q", [1, 2, 3, 4])));
        var file = Directory.GetFiles(Path.Combine(_root, "App")).Single();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..^3]);

        Assert.That(Assert.Throws<SnapshotException>(() => store.Load("App", revision))!.Message, Does.Contain("corrupt or truncated"));
    }

    [Test]
    public void ClearingRemovesEveryRevisionAndRevisionIdsNeverBecomePaths()
    {
        var store = new FileSystemPersistenceStore(_root);
        store.Save("App", Snapshot(1, ("q", [1])));
        store.ClearAllRevisions("App");

        Assert.That(store.LastRevision("App"), Is.Null);
        Assert.That(store.Load("App", "../../etc/passwd"), Is.Null);
    }
}
