namespace SiddhiGen.Runtime;

/// <summary>
/// Where an app's persisted revisions live (Siddhi's <c>PersistenceStore</c>): <see cref="SiddhiApp.Persist"/> saves one,
/// <see cref="SiddhiApp.RestoreRevision"/> and <see cref="SiddhiApp.RestoreLastRevision"/> load one.
/// Implementations: <see cref="FileSystemPersistenceStore"/> (the default; incremental) and the SQLite store in
/// <c>SiddhiGen.Persistence.Sqlite</c>. A store is safe to use from several threads.
/// </summary>
public interface IPersistenceStore
{
    /// <summary>Saves <paramref name="snapshot"/> as a new revision of <paramref name="appName"/> and returns its id.</summary>
    string Save(string appName, SnapshotDocument snapshot);

    /// <summary>The snapshot of a revision, or null when the store has no such revision.</summary>
    SnapshotDocument? Load(string appName, string revision);

    /// <summary>The newest revision's id, or null when none was saved (or all were cleared).</summary>
    string? LastRevision(string appName);

    /// <summary>The revisions kept, oldest first.</summary>
    IReadOnlyList<string> Revisions(string appName);

    /// <summary>Deletes every revision of the app.</summary>
    void ClearAllRevisions(string appName);
}

/// <summary>Revision ids: the UTC time in ticks, so that ids sort in the order they were made, plus a counter within one tick.</summary>
public static class RevisionIds
{
    private static long s_last;

    /// <summary>A new id, greater than any made before in this process.</summary>
    public static string Next()
    {
        long ticks;
        long last;
        do
        {
            last = Interlocked.Read(ref s_last);
            ticks = Math.Max(DateTime.UtcNow.Ticks, last + 1);
        }
        while (Interlocked.CompareExchange(ref s_last, ticks, last) != last);

        return ticks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>When a revision was made (ids from <see cref="Next"/>), or null for an id of another form.</summary>
    public static DateTimeOffset? TimeOf(string revision) =>
        long.TryParse(revision, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    /// <summary>True for an id this library could have made (digits only): a store never builds a path from anything else.</summary>
    public static bool IsValid(string revision) => revision.Length is > 0 and <= 32 && revision.All(char.IsAsciiDigit);
}
