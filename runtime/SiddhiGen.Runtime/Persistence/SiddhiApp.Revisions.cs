namespace SiddhiGen.Runtime;

/// <summary>
/// Revisions through the app's <see cref="IPersistenceStore"/> (<see cref="SiddhiAppOptions.PersistenceStore"/>), as
/// Siddhi's <c>SiddhiAppRuntime.persist()</c>, <c>restoreRevision</c>, <c>restoreLastRevision</c> and <c>clearAllRevisions</c>.
/// </summary>
public abstract partial class SiddhiApp
{
    private IPersistenceStore Store => Options.PersistenceStore
        ?? throw new InvalidOperationException($"App '{Name}' has no persistence store: set SiddhiAppOptions.PersistenceStore (or SiddhiGen:Persistence in a host).");

    /// <summary>The last revision this instance persisted or restored, and when (null before either).</summary>
    public (string Revision, DateTimeOffset At)? LastRevision { get; private set; }

    /// <summary>Takes a snapshot and saves it as a new revision; returns the revision's id.</summary>
    public string Persist()
    {
        var store = Store;
        var snapshot = TakeSnapshot();
        var revision = store.Save(Name, snapshot);
        LastRevision = (revision, DateTimeOffset.UtcNow);
        RevisionPersisted?.Invoke(revision);
        return revision;
    }

    /// <summary>Restores the given revision (see <see cref="Restore(SnapshotDocument)"/>); throws when the store has no such revision.</summary>
    public void RestoreRevision(string revision)
    {
        ArgumentException.ThrowIfNullOrEmpty(revision);
        var snapshot = Store.Load(Name, revision)
            ?? throw new SnapshotException($"The persistence store has no revision '{revision}' of app '{Name}'.");
        Restore(snapshot);
        LastRevision = (revision, DateTimeOffset.UtcNow);
    }

    /// <summary>Restores the newest revision; returns its id, or null (and changes nothing) when none was persisted.</summary>
    public string? RestoreLastRevision()
    {
        if (Store.LastRevision(Name) is not { } revision)
        {
            return null;
        }

        RestoreRevision(revision);
        return revision;
    }

    /// <summary>Deletes every revision of this app from the store.</summary>
    public void ClearAllRevisions() => Store.ClearAllRevisions(Name);

    /// <summary>
    /// Raised after a revision was saved, with its id: sources that commit their position elsewhere (Kafka offsets) commit
    /// only what a persisted revision covers.
    /// </summary>
    public event Action<string>? RevisionPersisted;
}
