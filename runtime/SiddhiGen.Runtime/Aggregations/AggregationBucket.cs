namespace SiddhiGen.Runtime.Aggregations;

/// <summary>One bucket of one group: its start (<c>AGG_TIMESTAMP</c>), the group key and the base values.</summary>
public readonly record struct AggregationBucket<TKey, TValues>(long Start, TKey Key, TValues Values);
