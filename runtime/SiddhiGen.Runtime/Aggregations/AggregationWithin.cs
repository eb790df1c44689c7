namespace SiddhiGen.Runtime.Aggregations;

/// <summary>
/// What a read of an aggregation asks for (<c>within start, end per 'days'</c>): the buckets of granularity
/// <see cref="Per"/> whose start lies in [<see cref="Start"/>, <see cref="End"/>), as Siddhi compares
/// <c>AGG_TIMESTAMP</c> with the bounds (the start is not rounded down to the granularity).
/// </summary>
public readonly record struct AggregationWithin(long Start, long End, Granularity Per)
{
    /// <summary><c>within 'pattern' per per</c>: a pattern such as <c>'2017-06-** **:**:**'</c>.</summary>
    public static AggregationWithin Of(string? pattern, string? per)
    {
        var (start, end) = AggregationTime.ParseWithinPattern(pattern);
        return new AggregationWithin(start, end, AggregationTime.ParsePer(per));
    }

    /// <summary><c>within start, end per per</c>: each bound a long (epoch milliseconds) or a date string.</summary>
    public static AggregationWithin Of(object? start, object? end, string? per) =>
        new(AggregationTime.Bound(start), AggregationTime.Bound(end), AggregationTime.ParsePer(per));
}
