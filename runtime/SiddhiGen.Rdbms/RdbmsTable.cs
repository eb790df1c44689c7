using System.Data;
using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using SiddhiGen.Runtime;

namespace SiddhiGen.Rdbms;

/// <summary>
/// A <c>@store(type='rdbms')</c> table: rows in a database table (created when absent, see <see cref="RdbmsSchema"/>),
/// reached through one connection that opens on first use and reopens after a fault. The generator's compiled
/// conditions run as parameterized statements; the part SQL cannot express is judged in C# over the fetched rows
/// and applied back by the rows' values. A chunk of writes runs in one transaction.
/// </summary>
/// <remarks>
/// A database error is counted (<see cref="Faults"/>), logged by the caller's error policy through the
/// <see cref="StoreException"/> it becomes, and the chunk's transaction is rolled back; the next call reconnects.
/// </remarks>
internal sealed class RdbmsTable<T> : IStoreTable<T>, IAppComponent, IDisposable
    where T : struct
{
    private readonly RdbmsDataSource _source;
    private readonly RdbmsSchema _schema;
    private readonly Func<T, object?[]> _toRow;
    private readonly Func<object?[], T> _fromRow;
    private readonly ILogger _logger;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly List<T> _found = new();
    private DbConnection? _connection;
    private DbTransaction? _transaction;

    public RdbmsTable(SiddhiApp app, StoreTableDefinition definition, RdbmsDataSource source, Func<T, object?[]> toRow, Func<object?[], T> fromRow)
    {
        Name = definition.Name;
        _source = source;
        _schema = new RdbmsSchema(definition, source.Dialect);
        _toRow = toRow;
        _fromRow = fromRow;
        _logger = app.LoggerFactory.CreateLogger("SiddhiGen.Rdbms." + definition.Name);
    }

    public string Name { get; }

    public long Faults { get; private set; }

    public void Insert(ReadOnlySpan<T> rows)
    {
        if (rows.IsEmpty)
        {
            return;
        }

        var array = rows.ToArray();
        InTransaction("insert", () =>
        {
            foreach (var row in array)
            {
                InsertOne(row);
            }
        });
    }

    public int Delete<TArg>(ReadOnlySpan<TArg> arguments, StoreCondition<T, TArg>? condition)
    {
        var args = arguments.ToArray();
        return InTransaction("delete", () =>
        {
            var deleted = 0;
            foreach (var argument in args)
            {
                if (condition is null)
                {
                    deleted += Command("DELETE FROM " + _schema.Table).ExecuteNonQuery();
                }
                else if (condition.IsExact || condition.Match is null)
                {
                    deleted += Bind(Command("DELETE FROM " + _schema.Table + Where(condition.Sql)), condition.Parameters, argument, "p").ExecuteNonQuery();
                }
                else
                {
                    var matched = Select(argument, condition).ToList();
                    foreach (var row in matched)
                    {
                        deleted += DeleteByValues(row);
                    }
                }
            }

            return deleted;
        });
    }

    public int Update<TArg>(ReadOnlySpan<TArg> arguments, StoreCondition<T, TArg> condition, StoreUpdate<T, TArg> update)
    {
        var args = arguments.ToArray();
        return InTransaction("update", () =>
        {
            var updated = 0;
            foreach (var argument in args)
            {
                updated += UpdateOne(argument, condition, update);
            }

            return updated;
        });
    }

    public void UpdateOrInsert<TArg>(ReadOnlySpan<TArg> arguments, StoreCondition<T, TArg> condition, StoreUpdate<T, TArg> update, Func<TArg, T> insert)
    {
        var args = arguments.ToArray();
        InTransaction("update or insert", () =>
        {
            foreach (var argument in args)
            {
                if (UpdateOne(argument, condition, update) == 0)
                {
                    InsertOne(insert(argument));
                }
            }
        });
    }

    public bool Contains<TArg>(TArg argument, StoreCondition<T, TArg> condition)
    {
        if (condition.NeedsClientFilter)
        {
            // Not Find: its buffer may be what a join over this table is iterating.
            return Run("lookup", () => Select(argument, condition).Any());
        }

        return Run("lookup", () =>
        {
            using var reader = Bind(Command("SELECT 1 FROM " + _schema.Table + Where(condition.Sql) + " LIMIT 1"), condition.Parameters, argument, "p").ExecuteReader();
            return reader.Read();
        });
    }

    public ReadOnlySpan<T> Find<TArg>(TArg argument, StoreCondition<T, TArg>? condition)
    {
        Run("find", () =>
        {
            _found.Clear();
            foreach (var row in Select(argument, condition))
            {
                _found.Add(row);
            }

            return 0;
        });
        return CollectionsMarshal.AsSpan(_found);
    }

    public void DeleteRows(IReadOnlyList<T> rows) =>
        InTransaction("delete", () =>
        {
            foreach (var row in rows)
            {
                DeleteByValues(row);
            }
        });

    public void ReplaceRows(IReadOnlyList<(T Old, T New)> rows) =>
        InTransaction("update", () =>
        {
            foreach (var (old, updated) in rows)
            {
                ReplaceByValues(old, updated);
            }
        });

    /// <summary>Connects lazily, on the first operation, so an app starts while its database is still down.</summary>
    public void Start()
    {
    }

    /// <summary>Closes the connection (the next operation would reopen it).</summary>
    public void Stop() => Reset();

    public void Dispose() => Reset();

    private int UpdateOne<TArg>(TArg argument, StoreCondition<T, TArg> condition, StoreUpdate<T, TArg> update)
    {
        if (update.Sql is not null && (condition.IsExact || condition.Match is null))
        {
            var command = Command(_source.Dialect.UpdateVerb + " " + _schema.Table + " SET " + update.Sql + Where(condition.Sql));
            Bind(command, condition.Parameters, argument, "p");
            Bind(command, update.Parameters, argument, "s", clear: false);
            return command.ExecuteNonQuery();
        }

        var matched = Select(argument, condition).ToList();
        foreach (var row in matched)
        {
            ReplaceByValues(row, update.Apply(row, argument));
        }

        return matched.Count;
    }

    private void InsertOne(T row)
    {
        var command = Command(_schema.Insert);
        BindRow(command, _toRow(row), "c", clear: true);
        if (command.ExecuteNonQuery() == 0)
        {
            _logger.LogError("Table '{Table}': a row with the primary key of {Row} is already present; the insert is dropped.", Name, row);
        }
    }

    private int DeleteByValues(T row)
    {
        var command = Command("DELETE FROM " + _schema.Table + " WHERE " + _schema.AllColumnsMatch("w"));
        BindRow(command, _toRow(row), "w", clear: true);
        return command.ExecuteNonQuery();
    }

    private void ReplaceByValues(T old, T updated)
    {
        var command = Command(_source.Dialect.UpdateVerb + " " + _schema.Table + " SET " + _schema.AllColumnsSet("c") + " WHERE " + _schema.AllColumnsMatch("w"));
        BindRow(command, _toRow(updated), "c", clear: true);
        BindRow(command, _toRow(old), "w", clear: false);
        command.ExecuteNonQuery();
    }

    /// <summary>The rows matching the condition: its SQL part in the database, the rest here.</summary>
    private IEnumerable<T> Select<TArg>(TArg argument, StoreCondition<T, TArg>? condition)
    {
        var command = Command(_schema.Select + Where(condition?.Sql) + _source.Dialect.ScanOrder);
        if (condition is not null)
        {
            Bind(command, condition.Parameters, argument, "p");
        }
        else
        {
            command.Parameters.Clear();
        }

        var rows = new List<T>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var row = _fromRow(_schema.ReadRow(reader));
                if (condition is null || !condition.NeedsClientFilter || condition.Accepts(row, argument))
                {
                    rows.Add(row);
                }
            }
        }

        return rows;
    }

    private static string Where(string? sql) => sql is null ? string.Empty : " WHERE " + sql;

    private DbCommand Bind<TArg>(DbCommand command, Func<TArg, StoreValue>[] parameters, TArg argument, string prefix, bool clear = true)
    {
        if (clear)
        {
            command.Parameters.Clear();
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            var value = parameters[i](argument);
            command.Parameters.Add(RdbmsSchema.Parameter(command, prefix + i, value.Value, value.Type));
        }

        return command;
    }

    private void BindRow(DbCommand command, object?[] values, string prefix, bool clear)
    {
        if (clear)
        {
            command.Parameters.Clear();
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.Add(RdbmsSchema.Parameter(command, prefix + i, values[i], _schema.Types[i]));
        }
    }

    /// <summary>A command for <paramref name="sql"/> on the open connection, prepared once and reused.</summary>
    private DbCommand Command(string sql)
    {
        var connection = Connection();
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = _transaction;
        return command;
    }

    private DbConnection Connection()
    {
        if (_connection is { State: ConnectionState.Open } open)
        {
            return open;
        }

        Reset();
        var connection = _source.Provider.CreateConnection() ?? throw new StoreException($"Table '{Name}': the provider created no connection.");
        connection.ConnectionString = _source.ConnectionString;
        connection.Open();
        _connection = connection;
        foreach (var statement in _schema.Setup())
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }

        return connection;
    }

    private void InTransaction(string operation, Action action) => InTransaction(operation, () =>
    {
        action();
        return 0;
    });

    private TResult InTransaction<TResult>(string operation, Func<TResult> action) => Run(operation, () =>
    {
        _transaction = Connection().BeginTransaction();
        try
        {
            var result = action();
            _transaction.Commit();
            return result;
        }
        catch
        {
            try
            {
                _transaction.Rollback();
            }
            catch (DbException)
            {
                // The connection is gone; Run resets it.
            }

            throw;
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
        }
    });

    /// <summary>Runs a database operation: a provider error counts as a fault and becomes a <see cref="StoreException"/>.</summary>
    private TResult Run<TResult>(string operation, Func<TResult> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            Faults++;
            Reset();
            throw new StoreException($"Table '{Name}': the {operation} failed in the database: {ex.Message}", ex);
        }
    }

    private void Reset()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _connection?.Dispose();
        _connection = null;
    }
}
