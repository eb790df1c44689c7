using SiddhiGen.Runtime.Aggregations;
using SiddhiGen.Runtime.Evaluator;

namespace SiddhiGen.Runtime;

/// <summary>On-demand queries (<c>Query(string)</c>, Siddhi's <c>runtime.query(...)</c>) over what the app registered.</summary>
public abstract partial class SiddhiApp
{
    /// <summary>The evaluator of on-demand queries; null until the generated app registers something to query.</summary>
    private OnDemandRuntime? _onDemand;

    /// <summary>
    /// Runs an on-demand query over the app's named windows and tables (and, as they come, aggregations), e.g.
    /// <c>from StockWindow on price &gt; 10 select symbol, sum(volume) as total group by symbol</c>, and returns the
    /// rows it selects; an <c>insert into</c>, <c>delete</c>, <c>update</c> or <c>update or insert into</c> a table
    /// changes the table and returns no rows. The text is parsed and bound by the generator's own parser and binder, so it means what it
    /// would mean in the app and is rejected with the generator's diagnostics.
    /// </summary>
    /// <exception cref="SiddhiQLException">The query has errors (<see cref="SiddhiQLException.Errors"/> holds the diagnostics).</exception>
    /// <exception cref="NotSupportedException">The query is valid but reads or changes something not supported yet.</exception>
    public virtual IReadOnlyList<object?[]> Query(string onDemandQuery)
    {
        ArgumentNullException.ThrowIfNull(onDemandQuery);
        return _onDemand is { } onDemand
            ? onDemand.Run(onDemandQuery)
            : throw new NotSupportedException($"App '{Name}' has no table, named window or aggregation to query.");
    }

    /// <summary>The attributes an on-demand query returns (Siddhi's <c>getOnDemandQueryOutputAttributes</c>).</summary>
    /// <exception cref="SiddhiQLException">The query has errors.</exception>
    public StreamSchema GetQueryOutputSchema(string onDemandQuery)
    {
        ArgumentNullException.ThrowIfNull(onDemandQuery);
        return _onDemand is { } onDemand
            ? onDemand.OutputOf(onDemandQuery)
            : throw new NotSupportedException($"App '{Name}' has no table, named window or aggregation to query.");
    }

    /// <summary>
    /// Generated apps call this once, with their definitions as SiddhiQL: on-demand queries are bound against them
    /// (parsed on the first query).
    /// </summary>
    protected void UseOnDemandQueries(string definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        (_onDemand ??= new OnDemandRuntime(this)).Definitions = definitions;
    }

    /// <summary>
    /// Makes <paramref name="name"/> (a named window, table or aggregation) readable by on-demand queries:
    /// <paramref name="snapshot"/> returns what it holds now, as rows of <paramref name="schema"/> with their timestamps.
    /// It is called under the processing lock, and must copy.
    /// </summary>
    protected void RegisterQueryable(string name, StreamSchema schema, Func<IEnumerable<DynamicEvent>> snapshot)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(snapshot);
        (_onDemand ??= new OnDemandRuntime(this)).Register(name, schema, snapshot);
    }

    /// <summary>
    /// Makes table <paramref name="name"/> readable and changeable by on-demand queries (<c>from T ...</c>, and
    /// <c>insert into</c>, <c>delete</c>, <c>update</c>, <c>update or insert into</c> T): rows convert with the
    /// generated <paramref name="toRow"/> and <paramref name="fromRow"/>.
    /// </summary>
    protected void RegisterTable<T>(string name, StreamSchema schema, InMemoryTable<T> table, Func<T, object?[]> toRow, Func<object?[], T> fromRow)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(toRow);
        ArgumentNullException.ThrowIfNull(fromRow);
        (_onDemand ??= new OnDemandRuntime(this)).Register(
            name,
            schema,
            () => table.ToRows(toRow).Select(row => new DynamicEvent(Clock.Now, row, IsExpired: false)),
            new OnDemandTable<T>(table, toRow, fromRow));
    }

    /// <summary>
    /// <see cref="RegisterTable{T}(string, StreamSchema, InMemoryTable{T}, Func{T, object?[]}, Func{object?[], T})"/>
    /// for a store table (<c>@store</c>): on-demand queries read its rows and judge their conditions in C#.
    /// </summary>
    protected void RegisterTable<T>(string name, StreamSchema schema, IStoreTable<T> table, Func<T, object?[]> toRow, Func<object?[], T> fromRow)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(toRow);
        ArgumentNullException.ThrowIfNull(fromRow);
        var onDemand = new OnDemandStoreTable<T>(table, toRow, fromRow);
        (_onDemand ??= new OnDemandRuntime(this)).Register(
            name,
            schema,
            () => onDemand.Rows().Select(row => new DynamicEvent(Clock.Now, row, IsExpired: false)),
            onDemand);
    }

    /// <summary>
    /// Makes aggregation <paramref name="name"/> readable by on-demand queries (<c>from A within ... per ... select ...</c>):
    /// <paramref name="find"/> returns the rows (<c>AGG_TIMESTAMP</c> first) of the buckets a <c>within ... per ...</c>
    /// selects. It is called under the processing lock, and must copy.
    /// </summary>
    protected void RegisterAggregation(string name, StreamSchema schema, Func<AggregationWithin, IEnumerable<object?[]>> find)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(find);
        (_onDemand ??= new OnDemandRuntime(this)).RegisterAggregation(name, schema, find);
    }

    /// <summary>
    /// <see cref="RegisterQueryable(string, StreamSchema, Func{IEnumerable{DynamicEvent}})"/> for rows without
    /// timestamps (a table's): <c>eventTimestamp()</c> reads the query time.
    /// </summary>
    protected void RegisterQueryable(string name, StreamSchema schema, Func<IEnumerable<object?[]>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        RegisterQueryable(name, schema, () => rows().Select(row => new DynamicEvent(Clock.Now, row, IsExpired: false)));
    }
}
