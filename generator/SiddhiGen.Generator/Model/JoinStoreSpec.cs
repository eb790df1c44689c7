namespace SiddhiGen.Generator.Model;

/// <summary>What a join side or an on-demand query reads when it is not a stream.</summary>
public enum StoreKind
{
    Table,
    Aggregation,
    Window,
}

/// <summary>
/// A join where one side (<see cref="Side"/>, <c>Left</c> or <c>Right</c>) is a table or an aggregation:
/// that side never triggers; the other side's events look rows up in it with the join's <c>on</c>
/// condition (and, for an aggregation, the buckets selected by <see cref="Within"/>).
/// </summary>
public sealed record JoinStoreSpec(StoreKind Kind, string Store, string Side, AggregationWithinSpec? Within);
