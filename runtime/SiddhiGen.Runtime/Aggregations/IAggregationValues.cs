namespace SiddhiGen.Runtime.Aggregations;

/// <summary>
/// The base values one bucket of an incremental aggregation keeps for one group (Siddhi's
/// <c>BaseIncrementalValueStore</c>): sums, counts, minima, maxima, distinct values, the latest values. The generator
/// writes one struct per aggregation; one event's values merge into a bucket, and a finer bucket merges into the
/// coarser one that holds it, so a bucket is never recomputed from raw events.
/// </summary>
public interface IAggregationValues<TSelf>
    where TSelf : struct, IAggregationValues<TSelf>
{
    /// <summary>Folds <paramref name="later"/> (values that arrived after this bucket's) into this bucket.</summary>
    void Merge(in TSelf later);
}
