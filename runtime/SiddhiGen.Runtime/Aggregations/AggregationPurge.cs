namespace SiddhiGen.Runtime.Aggregations;

/// <summary>
/// <c>@purge(enable='true', interval='...', @retentionPeriod(sec='...', ...))</c> of an aggregation: how often to purge
/// and how long each granularity keeps its buckets (absent: kept for ever).
/// </summary>
public sealed class AggregationPurge
{
    private readonly Dictionary<Granularity, long> _retention;

    public AggregationPurge(long intervalMilliseconds, IReadOnlyDictionary<Granularity, long> retention)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalMilliseconds);
        ArgumentNullException.ThrowIfNull(retention);
        IntervalMilliseconds = intervalMilliseconds;
        _retention = new Dictionary<Granularity, long>(retention);
    }

    public long IntervalMilliseconds { get; }

    /// <summary>How long <paramref name="granularity"/> keeps its buckets, or null for ever.</summary>
    public long? RetentionOf(Granularity granularity) => _retention.TryGetValue(granularity, out var ms) ? ms : null;
}
