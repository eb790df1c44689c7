using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SiddhiGen.Runtime.Aggregations;

/// <summary>
/// The in-memory table of one granularity: buckets by start time (sorted, so a <c>within</c> range and a purge
/// touch only what they need), each holding its groups in the order they first appeared.
/// </summary>
[DebuggerDisplay("{Granularity}: {Count} entries")]
public sealed class InMemoryBucketStore<TKey, TValues> : IAggregationBucketStore<TKey, TValues>
    where TKey : notnull
    where TValues : struct, IAggregationValues<TValues>
{
    private readonly SortedList<long, Dictionary<TKey, TValues>> _buckets = new();

    public InMemoryBucketStore(Granularity granularity) => Granularity = granularity;

    public Granularity Granularity { get; }

    public int Count { get; private set; }

    public void Merge(long start, in TKey key, in TValues values)
    {
        if (!_buckets.TryGetValue(start, out var groups))
        {
            groups = new Dictionary<TKey, TValues>();
            _buckets.Add(start, groups);
        }

        // A new bucket starts empty and merges, so it never shares what the values refer to (distinct sets).
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, key, out var exists);
        slot.Merge(in values);
        if (!exists)
        {
            Count++;
        }
    }

    public void Read(long from, long to, List<AggregationBucket<TKey, TValues>> into)
    {
        var starts = _buckets.Keys;
        for (var i = FirstAtOrAfter(from); i < starts.Count && starts[i] < to; i++)
        {
            foreach (var (key, values) in _buckets.Values[i])
            {
                into.Add(new AggregationBucket<TKey, TValues>(starts[i], key, values));
            }
        }
    }

    public int RemoveBefore(long start)
    {
        var removed = 0;
        while (_buckets.Count > 0 && _buckets.Keys[0] < start)
        {
            removed += _buckets.Values[0].Count;
            _buckets.RemoveAt(0);
        }

        Count -= removed;
        return removed;
    }

    private int FirstAtOrAfter(long from)
    {
        var starts = _buckets.Keys;
        int low = 0, high = starts.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (starts[middle] < from)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
