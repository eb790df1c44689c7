using System.Globalization;
using Microsoft.Extensions.Configuration;
using SiddhiGen.Persistence.Sqlite;
using SiddhiGen.Runtime;

namespace SiddhiGen.Hosting;

/// <summary>
/// How a hosted app persists its state (configuration section <c>SiddhiGen:Persistence</c>): the store, how often a
/// revision is persisted, how many are kept, and whether the last one is restored when the host starts. A revision is
/// also persisted when the host stops gracefully.
/// </summary>
/// <example><code>
/// "SiddhiGen": { "Persistence": { "Store": "file", "Path": "/var/lib/worker/state", "Interval": "00:01:00", "Revisions": 3 } }
/// "SiddhiGen": { "Persistence": { "Store": "sqlite", "ConnectionString": "Data Source=state.db", "Interval": "00:00:30" } }
/// </code></example>
public sealed class SiddhiPersistenceOptions
{
    /// <summary><c>none</c> (the default: no persistence), <c>file</c> or <c>sqlite</c>.</summary>
    public string Store { get; set; } = "none";

    /// <summary>The folder of the file store (default <c>siddhi-state</c> under the working directory).</summary>
    public string Path { get; set; } = "siddhi-state";

    /// <summary>The SQLite store's connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How often a revision is persisted while the app runs; zero persists only on graceful shutdown.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many revisions the store keeps.</summary>
    public int Revisions { get; set; } = 3;

    /// <summary>Restore the last revision when the host starts (default true).</summary>
    public bool RestoreOnStart { get; set; } = true;

    /// <summary>A store given in code wins over <see cref="Store"/>.</summary>
    public IPersistenceStore? StoreInstance { get; set; }

    public bool IsEnabled => StoreInstance is not null || !Store.Equals("none", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the options from <paramref name="section"/> over the values already set.</summary>
    public SiddhiPersistenceOptions Read(IConfigurationSection section)
    {
        Store = section["Store"] ?? Store;
        Path = section["Path"] ?? Path;
        ConnectionString = section["ConnectionString"] ?? ConnectionString;
        if (section["Interval"] is { } interval)
        {
            Interval = TimeSpan.TryParse(interval, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
                ? span
                : throw new InvalidOperationException($"SiddhiGen:Persistence:Interval '{interval}' is not a time span such as 00:01:00.");
        }

        if (section["Revisions"] is { } revisions)
        {
            Revisions = int.TryParse(revisions, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n
                : throw new InvalidOperationException($"SiddhiGen:Persistence:Revisions '{revisions}' is not a count of at least 1.");
        }

        if (section["RestoreOnStart"] is { } restore)
        {
            RestoreOnStart = bool.TryParse(restore, out var b) ? b : throw new InvalidOperationException($"SiddhiGen:Persistence:RestoreOnStart '{restore}' is not true or false.");
        }

        return this;
    }

    /// <summary>The store these options name, or null when persistence is off.</summary>
    public IPersistenceStore? CreateStore() => StoreInstance ?? Store.ToLowerInvariant() switch
    {
        "none" => null,
        "file" => new FileSystemPersistenceStore(Path, Revisions),
        "sqlite" => new SqlitePersistenceStore(
            ConnectionString ?? throw new InvalidOperationException("SiddhiGen:Persistence:Store 'sqlite' needs a ConnectionString."), Revisions),
        _ => throw new InvalidOperationException($"SiddhiGen:Persistence:Store '{Store}' is not a store: use none, file or sqlite."),
    };
}
