namespace SiddhiGen.Runtime;

/// <summary>
/// The aggregate attributes of a query with <c>output snapshot</c>, a window and some (not all) aggregated output
/// attributes: each retained row goes out carrying the latest aggregate values. The generator emits a small struct
/// per query; <see cref="ISnapshotRowMatcher{T}.Matches"/> must skip the aggregate attributes.
/// </summary>
/// <remarks>
/// An aggregate attribute is a select item whose expression is an aggregator call itself (<c>sum(x) as s</c>); an
/// expression around one (<c>sum(x) * 2</c>) is not (Siddhi: <c>AttributeAggregatorExecutor</c> output positions).
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
public interface ISnapshotAggregates<T> : ISnapshotRowMatcher<T>
{
    /// <summary><paramref name="row"/> with its aggregate attributes taken from <paramref name="aggregates"/>.</summary>
    static abstract T WithAggregatesOf(in T row, in T aggregates);
}
