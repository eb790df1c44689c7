namespace SiddhiGen.Runtime.Aggregations;

/// <summary>
/// The distinct values of one bucket, for <c>distinctCount(x)</c> (Siddhi keeps a set per bucket and unions the sets
/// when it rolls a bucket up). Null values are not counted.
/// </summary>
public sealed class DistinctValues
{
    private readonly HashSet<object> _values;

    private DistinctValues(HashSet<object> values) => _values = values;

    public long Count => _values.Count;

    /// <summary>The set of one event's value.</summary>
    public static DistinctValues Of(object? value)
    {
        var values = new HashSet<object>();
        if (value is not null)
        {
            values.Add(value);
        }

        return new DistinctValues(values);
    }

    /// <summary>
    /// <paramref name="into"/> with <paramref name="later"/>'s values added. A bucket owns its set: a null
    /// <paramref name="into"/> (a new bucket) gets a copy, so buckets never share one.
    /// </summary>
    public static DistinctValues? Union(DistinctValues? into, DistinctValues? later)
    {
        if (later is null)
        {
            return into;
        }

        if (into is null)
        {
            return new DistinctValues(new HashSet<object>(later._values));
        }

        into._values.UnionWith(later._values);
        return into;
    }
}
