namespace SiddhiGen.Runtime;

/// <summary>
/// The shape every attribute aggregator shares, so generated selectors call them the same way: CURRENT events
/// <see cref="Add"/>, EXPIRED events <see cref="Remove"/>, RESET events <see cref="Reset"/>, and the output row reads
/// <see cref="Value"/>. The aggregators are structs (or sealed classes where they need collections) called directly,
/// never through this interface on the hot path.
/// </summary>
/// <typeparam name="TIn">The argument type as the generator holds it (nullable: <c>long?</c>, <c>double?</c>, <c>string?</c>).</typeparam>
/// <typeparam name="TOut">The result type (nullable where Siddhi returns null).</typeparam>
public interface IAttributeAggregator<TIn, TOut>
{
    /// <summary>A CURRENT event's argument enters the aggregate.</summary>
    void Add(TIn value);

    /// <summary>An EXPIRED event's argument leaves the aggregate.</summary>
    void Remove(TIn value);

    /// <summary>A RESET event: back to the initial state.</summary>
    void Reset();

    /// <summary>The aggregate after the events seen so far.</summary>
    TOut Value { get; }
}
