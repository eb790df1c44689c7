namespace SiddhiGen.Runtime.Aggregations;

/// <summary>
/// The table of finished buckets of one granularity (Siddhi keeps one table per granularity,
/// <c>A_SECONDS</c>, <c>A_MINUTES</c>, ...). <see cref="InMemoryBucketStore{TKey, TValues}"/> is the in-memory one; a
/// store backed by a database implements the same contract. Callers hold the app's processing lock.
/// </summary>
public interface IAggregationBucketStore<TKey, TValues>
    where TKey : notnull
    where TValues : struct, IAggregationValues<TValues>
{
    /// <summary>The granularity of the buckets kept here.</summary>
    Granularity Granularity { get; }

    /// <summary>How many (bucket, group) entries are kept.</summary>
    int Count { get; }

    /// <summary>Merges <paramref name="values"/> into the bucket starting at <paramref name="start"/> for <paramref name="key"/>, creating it when absent.</summary>
    void Merge(long start, in TKey key, in TValues values);

    /// <summary>Adds to <paramref name="into"/> every bucket whose start is in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    void Read(long from, long to, List<AggregationBucket<TKey, TValues>> into);

    /// <summary>Removes every bucket that starts before <paramref name="start"/>; returns how many entries went.</summary>
    int RemoveBefore(long start);
}
