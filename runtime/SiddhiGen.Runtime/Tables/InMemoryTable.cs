using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace SiddhiGen.Runtime;

/// <summary>
/// An in-memory table (<c>define table T (...)</c>): rows of the generated row struct <typeparamref name="T"/> in
/// insertion order, which is the order scans, joins and on-demand queries see. With <c>@PrimaryKey</c> a hash set
/// keyed by the generated key comparer rejects duplicates (logged and dropped, as Siddhi does) and answers key
/// look-ups; each <c>@Index</c> attribute gets a hash index from value to rows.
/// </summary>
/// <remarks>
/// Conditions are generated predicates over (table row, argument): the argument is the output row of an
/// <c>update</c>/<c>delete</c>, or the triggering event of a join or an <c>in</c>. Not thread-safe: the app's
/// processing lock serialises every caller.
/// </remarks>
[DebuggerDisplay("{Name}: {Count} rows")]
public sealed class InMemoryTable<T> : IStatePart<T>
    where T : struct
{
    /// <summary>The rows, in insertion order.</summary>
    private readonly List<T> _rows = new();

    /// <summary>The primary keys present (rows compared by the key comparer), or null without <c>@PrimaryKey</c>.</summary>
    private readonly HashSet<T>? _keys;

    /// <summary>The logger duplicate keys are reported to.</summary>
    private readonly ILogger? _logger;

    /// <summary>Creates an empty table.</summary>
    /// <param name="name">The table name, for logs.</param>
    /// <param name="primaryKey">Compares rows by their <c>@PrimaryKey</c> attributes; null without a primary key.</param>
    /// <param name="logger">Where a dropped duplicate is logged.</param>
    public InMemoryTable(string name, IEqualityComparer<T>? primaryKey = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        _keys = primaryKey is null ? null : new HashSet<T>(primaryKey);
        _logger = logger;
    }

    /// <summary>Creates an empty table that logs through <paramref name="app"/>.</summary>
    public InMemoryTable(SiddhiApp app, string name, IEqualityComparer<T>? primaryKey = null)
        : this(name, primaryKey, (app ?? throw new ArgumentNullException(nameof(app))).Logger)
    {
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The number of rows.</summary>
    public int Count => _rows.Count;

    /// <summary>The rows in insertion order. Valid until the table next changes.</summary>
    public ReadOnlySpan<T> Rows => CollectionsMarshal.AsSpan(_rows);

    /// <summary>True when the table has a primary key.</summary>
    public bool HasPrimaryKey => _keys is not null;

    /// <summary>Adds <paramref name="row"/>; with a primary key, a row whose key is present is logged and dropped.</summary>
    /// <returns>False when the row was dropped.</returns>
    public bool Insert(in T row)
    {
        if (_keys is not null && !_keys.Add(row))
        {
            _logger?.LogError("Table '{Table}': a row with the primary key of {Row} is already present; the insert is dropped.", Name, row);
            return false;
        }

        _rows.Add(row);
        return true;
    }

    /// <summary>True when some row satisfies <paramref name="match"/> with <paramref name="argument"/>.</summary>
    public bool Any<TArg>(TArg argument, Func<T, TArg, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        foreach (var row in CollectionsMarshal.AsSpan(_rows))
        {
            if (match(row, argument))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a row has the primary key of <paramref name="probe"/> (only the key attributes are read).</summary>
    public bool ContainsKey(in T probe) => _keys is not null && _keys.Contains(probe);

    /// <summary>Deletes every row that satisfies <paramref name="match"/>; with a null match, every row.</summary>
    /// <returns>The number of rows deleted.</returns>
    public int Delete<TArg>(TArg argument, Func<T, TArg, bool>? match)
    {
        if (match is null)
        {
            var all = _rows.Count;
            Clear();
            return all;
        }

        var kept = 0;
        var span = CollectionsMarshal.AsSpan(_rows);
        for (var i = 0; i < span.Length; i++)
        {
            if (match(span[i], argument))
            {
                _keys?.Remove(span[i]);
            }
            else
            {
                span[kept++] = span[i];
            }
        }

        var deleted = span.Length - kept;
        _rows.RemoveRange(kept, deleted);
        return deleted;
    }

    /// <summary>
    /// Replaces every row that satisfies <paramref name="match"/> by <paramref name="update"/>(row, argument). With a
    /// primary key, an update that would give a row the key of another row is logged and skipped.
    /// </summary>
    /// <returns>The number of rows that matched.</returns>
    public int Update<TArg>(TArg argument, Func<T, TArg, bool> match, Func<T, TArg, T> update)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(update);
        var matched = 0;
        var span = CollectionsMarshal.AsSpan(_rows);
        for (var i = 0; i < span.Length; i++)
        {
            var old = span[i];
            if (!match(old, argument))
            {
                continue;
            }

            matched++;
            var updated = update(old, argument);
            if (_keys is not null && !_keys.Comparer.Equals(old, updated))
            {
                if (_keys.Contains(updated))
                {
                    _logger?.LogError("Table '{Table}': updating {Row} to {Updated} would duplicate a primary key; the update is skipped.", Name, old, updated);
                    continue;
                }

                _keys.Remove(old);
                _keys.Add(updated);
            }
            else if (_keys is not null)
            {
                // Same key: keep the set's stored copy in step with the row.
                _keys.Remove(old);
                _keys.Add(updated);
            }

            span[i] = updated;
        }

        return matched;
    }

    /// <summary>
    /// <c>update or insert</c>: updates the rows that satisfy <paramref name="match"/>, or inserts
    /// <paramref name="insert"/> when none does.
    /// </summary>
    public void UpdateOrInsert<TArg>(TArg argument, Func<T, TArg, bool> match, Func<T, TArg, T> update, in T insert)
    {
        if (Update(argument, match, update) == 0)
        {
            Insert(insert);
        }
    }

    /// <summary>Deletes every row.</summary>
    public void Clear()
    {
        _rows.Clear();
        _keys?.Clear();
    }

    /// <summary>Copies the rows, in insertion order, to positional rows (on-demand queries, the dynamic interface).</summary>
    public object?[][] ToRows(Func<T, object?[]> toRow)
    {
        ArgumentNullException.ThrowIfNull(toRow);
        var rows = new object?[_rows.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = toRow(_rows[i]);
        }

        return rows;
    }

    /// <summary>The rows in order (the primary-key index is rebuilt on restore).</summary>
    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        writer.WriteCount(_rows.Count);
        foreach (var row in CollectionsMarshal.AsSpan(_rows))
        {
            codec.Write(writer, in row);
        }
    }

    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        Clear();
        var count = reader.ReadCount();
        for (var i = 0; i < count; i++)
        {
            var row = codec.Read(reader);
            _rows.Add(row);
            _keys?.Add(row);
        }
    }
}
