namespace SiddhiGen.Runtime;

/// <summary>
/// Keeps revisions as files, one folder per app: <c>&lt;root&gt;/&lt;app&gt;/&lt;revision&gt;.base</c> for a full snapshot and
/// <c>&lt;revision&gt;.incr</c> for an increment holding only the operators whose state changed since the previous
/// revision (Siddhi's incremental persistence). Each file is written to a temporary name, flushed and renamed, so a
/// crash never leaves a half-written revision under a real name. Every <see cref="BaseEvery"/>-th revision is a full
/// base; only the newest <see cref="RevisionsToKeep"/> revisions are kept, with the older revisions they build on.
/// </summary>
public sealed class FileSystemPersistenceStore : IPersistenceStore
{
    private const string BaseExtension = ".base";
    private const string IncrementExtension = ".incr";
    private readonly object _gate = new();

    /// <summary>The last snapshot saved per app, to find what changed (cleared when revisions are).</summary>
    private readonly Dictionary<string, (string Revision, SnapshotDocument Snapshot, int SinceBase)> _last = new(StringComparer.Ordinal);

    /// <param name="root">The folder holding one folder per app.</param>
    /// <param name="revisionsToKeep">How many revisions are kept (at least 1).</param>
    /// <param name="baseEvery">A full snapshot every this many revisions; 1 makes every revision full.</param>
    public FileSystemPersistenceStore(string root, int revisionsToKeep = 3, int baseEvery = 10)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentOutOfRangeException.ThrowIfLessThan(revisionsToKeep, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseEvery, 1);
        Root = Path.GetFullPath(root);
        RevisionsToKeep = revisionsToKeep;
        BaseEvery = baseEvery;
    }

    public string Root { get; }

    public int RevisionsToKeep { get; }

    public int BaseEvery { get; }

    public string Save(string appName, SnapshotDocument snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            var folder = FolderOf(appName);
            Directory.CreateDirectory(folder);
            var revision = RevisionIds.Next();
            var previous = _last.TryGetValue(appName, out var last) && File.Exists(PathOf(folder, last.Revision)) ? last : default;
            var increment = previous.Snapshot is not null && previous.SinceBase + 1 < BaseEvery && SameShape(previous.Snapshot, snapshot);
            var bytes = increment ? IncrementFile.Write(previous.Revision, previous.Snapshot!, snapshot) : snapshot.ToBytes();
            WriteAtomically(Path.Combine(folder, revision + (increment ? IncrementExtension : BaseExtension)), bytes);
            _last[appName] = (revision, snapshot, increment ? previous.SinceBase + 1 : 0);
            Prune(folder);
            return revision;
        }
    }

    public SnapshotDocument? Load(string appName, string revision)
    {
        if (!RevisionIds.IsValid(revision))
        {
            return null;
        }

        lock (_gate)
        {
            var folder = FolderOf(appName);
            return File.Exists(PathOf(folder, revision)) ? LoadChain(folder, revision, depth: 0) : null;
        }
    }

    public string? LastRevision(string appName)
    {
        var revisions = Revisions(appName);
        return revisions.Count == 0 ? null : revisions[^1];
    }

    public IReadOnlyList<string> Revisions(string appName)
    {
        lock (_gate)
        {
            var folder = FolderOf(appName);
            if (!Directory.Exists(folder))
            {
                return [];
            }

            return [.. Directory.EnumerateFiles(folder)
                .Where(f => f.EndsWith(BaseExtension, StringComparison.Ordinal) || f.EndsWith(IncrementExtension, StringComparison.Ordinal))
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>()
                .Where(RevisionIds.IsValid)
                .Order(StringComparer.Ordinal)];
        }
    }

    public void ClearAllRevisions(string appName)
    {
        lock (_gate)
        {
            _last.Remove(appName);
            var folder = FolderOf(appName);
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    File.Delete(file);
                }
            }
        }
    }

    private SnapshotDocument LoadChain(string folder, string revision, int depth)
    {
        var path = PathOf(folder, revision);
        var bytes = File.ReadAllBytes(path);
        if (path.EndsWith(BaseExtension, StringComparison.Ordinal))
        {
            return SnapshotDocument.Parse(bytes);
        }

        if (depth > BaseEvery + 1)
        {
            throw new SnapshotException($"Revision {revision} builds on a chain of increments longer than the store makes: the folder {folder} is damaged.");
        }

        var (previousRevision, changes) = IncrementFile.Read(bytes);
        if (!RevisionIds.IsValid(previousRevision) || !File.Exists(PathOf(folder, previousRevision)))
        {
            throw new SnapshotException($"Revision {revision} is an increment on revision {previousRevision}, which the store no longer has.");
        }

        return IncrementFile.Apply(LoadChain(folder, previousRevision, depth + 1), changes);
    }

    /// <summary>Keeps the newest revisions and whatever they build on; deletes the rest and stray temporary files.</summary>
    private void Prune(string folder)
    {
        var files = Directory.EnumerateFiles(folder).ToList();
        foreach (var temp in files.Where(f => f.EndsWith(".tmp", StringComparison.Ordinal)))
        {
            File.Delete(temp);
        }

        var revisions = files
            .Where(f => f.EndsWith(BaseExtension, StringComparison.Ordinal) || f.EndsWith(IncrementExtension, StringComparison.Ordinal))
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .ToList();
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in revisions.Skip(Math.Max(0, revisions.Count - RevisionsToKeep)))
        {
            // A kept increment keeps the revisions back to its base.
            var current = path;
            while (keep.Add(current) && current.EndsWith(IncrementExtension, StringComparison.Ordinal))
            {
                var previous = IncrementFile.PreviousOf(File.ReadAllBytes(current));
                current = PathOf(folder, previous);
            }
        }

        foreach (var path in revisions.Where(p => !keep.Contains(p)))
        {
            File.Delete(path);
        }
    }

    private static bool SameShape(SnapshotDocument a, SnapshotDocument b) =>
        a.AppName == b.AppName && a.AppHash == b.AppHash && a.Entries.Select(e => e.Key).SequenceEqual(b.Entries.Select(e => e.Key));

    private string FolderOf(string appName)
    {
        ArgumentException.ThrowIfNullOrEmpty(appName);
        var safe = string.Concat(appName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine(Root, safe.Trim('.') is { Length: > 0 } s ? s : "_");
    }

    private static string PathOf(string folder, string revision)
    {
        var full = Path.Combine(folder, revision + BaseExtension);
        return File.Exists(full) ? full : Path.Combine(folder, revision + IncrementExtension);
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
