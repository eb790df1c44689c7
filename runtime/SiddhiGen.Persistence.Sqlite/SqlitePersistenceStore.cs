using Microsoft.Data.Sqlite;
using SiddhiGen.Runtime;

namespace SiddhiGen.Persistence.Sqlite;

/// <summary>
/// Keeps revisions in a SQLite database: one row per revision in <c>siddhi_revisions(app, revision, snapshot)</c>, the
/// snapshot's bytes as written by <see cref="SnapshotDocument.ToBytes"/> (checksummed, so a damaged row is refused on
/// load). Each save is one transaction that also drops revisions beyond <see cref="RevisionsToKeep"/>.
/// </summary>
public sealed class SqlitePersistenceStore : IPersistenceStore
{
    private readonly string _connectionString;
    private readonly object _gate = new();

    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=state.db</c>.</param>
    /// <param name="revisionsToKeep">How many revisions per app are kept (at least 1).</param>
    public SqlitePersistenceStore(string connectionString, int revisionsToKeep = 3)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentOutOfRangeException.ThrowIfLessThan(revisionsToKeep, 1);
        _connectionString = connectionString;
        RevisionsToKeep = revisionsToKeep;
        using var connection = Open();
        Execute(connection, null, """
            CREATE TABLE IF NOT EXISTS siddhi_revisions (
                app TEXT NOT NULL,
                revision TEXT NOT NULL,
                snapshot BLOB NOT NULL,
                PRIMARY KEY (app, revision))
            """);
    }

    public int RevisionsToKeep { get; }

    public string Save(string appName, SnapshotDocument snapshot)
    {
        ArgumentException.ThrowIfNullOrEmpty(appName);
        ArgumentNullException.ThrowIfNull(snapshot);
        var revision = RevisionIds.Next();
        var bytes = snapshot.ToBytes();
        lock (_gate)
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, "INSERT INTO siddhi_revisions (app, revision, snapshot) VALUES ($app, $revision, $snapshot)",
                ("$app", appName), ("$revision", revision), ("$snapshot", bytes));
            Execute(connection, transaction, """
                DELETE FROM siddhi_revisions WHERE app = $app AND revision NOT IN (
                    SELECT revision FROM siddhi_revisions WHERE app = $app ORDER BY revision DESC LIMIT $keep)
                """, ("$app", appName), ("$keep", RevisionsToKeep));
            transaction.Commit();
        }

        return revision;
    }

    public SnapshotDocument? Load(string appName, string revision)
    {
        lock (_gate)
        {
            using var connection = Open();
            using var command = Command(connection, null, "SELECT snapshot FROM siddhi_revisions WHERE app = $app AND revision = $revision",
                ("$app", appName), ("$revision", revision));
            return command.ExecuteScalar() is byte[] bytes ? SnapshotDocument.Parse(bytes) : null;
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
            using var connection = Open();
            using var command = Command(connection, null, "SELECT revision FROM siddhi_revisions WHERE app = $app ORDER BY revision", ("$app", appName));
            using var reader = command.ExecuteReader();
            var revisions = new List<string>();
            while (reader.Read())
            {
                revisions.Add(reader.GetString(0));
            }

            return revisions;
        }
    }

    public void ClearAllRevisions(string appName)
    {
        lock (_gate)
        {
            using var connection = Open();
            Execute(connection, null, "DELETE FROM siddhi_revisions WHERE app = $app", ("$app", appName));
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
