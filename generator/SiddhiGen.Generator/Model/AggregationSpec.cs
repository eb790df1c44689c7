namespace SiddhiGen.Generator.Model;

/// <summary>The granularities of an incremental aggregation, finest first (Siddhi's <c>TimePeriod.Duration</c>).</summary>
public enum AggregationDuration
{
    Seconds,
    Minutes,
    Hours,
    Days,
    Months,
    Years,
}

/// <summary>How an attribute of an aggregation is computed per time bucket.</summary>
public enum AggregationAttributeKind
{
    /// <summary>A <c>group by</c> attribute, kept as is.</summary>
    GroupBy,

    /// <summary>An incremental aggregator (<c>sum</c>, <c>count</c>, <c>avg</c>, <c>min</c>, <c>max</c>, <c>distinctCount</c>).</summary>
    Incremental,

    /// <summary>Any other expression: the bucket keeps its latest value.</summary>
    Latest,
}

/// <summary>
/// One selected attribute of an aggregation: its output attribute, how it is computed, the incremental
/// aggregator's name (for <see cref="AggregationAttributeKind.Incremental"/>) and the expression it reads
/// (the aggregator's argument, null for <c>count()</c>; the group-by attribute; the latest-value expression).
/// </summary>
public sealed record AggregationAttributeSpec(AttributeSpec Attribute, AggregationAttributeKind Kind, string? Aggregator, ExpressionSpec? Expression);

/// <summary>How long one granularity keeps its buckets: <see cref="Milliseconds"/>, or null to keep them all.</summary>
public sealed record AggregationRetentionSpec(AggregationDuration Duration, long? Milliseconds);

/// <summary>
/// <c>@purge(enable, interval, @retentionPeriod(...))</c> of an aggregation, with Siddhi's defaults filled in
/// (enabled, every 15 min; retention sec 120 s, min 24 h, hour 30 days, day 1 year, month and year all).
/// </summary>
public sealed record AggregationPurgeSpec(bool Enabled, long IntervalMilliseconds, EquatableArray<AggregationRetentionSpec> Retention);

/// <summary>
/// <c>define aggregation A from S[...] select ... group by ... aggregate [by ts] every sec ... year</c>.
/// <see cref="Schema"/> is what joins and on-demand queries read: <c>AGG_TIMESTAMP</c> (the bucket start)
/// followed by the selected attributes. <see cref="Timestamp"/> is the <c>aggregate by</c> attribute (long
/// epoch milliseconds or a date string), or null for the event timestamp.
/// </summary>
public sealed record AggregationSpec(
    string Name,
    string OperatorName,
    string Text,
    StreamSpec Schema,
    InputSpec Input,
    EquatableArray<AggregationAttributeSpec> Attributes,
    EquatableArray<AttributeRefSpec> GroupBy,
    ExpressionSpec? Timestamp,
    EquatableArray<AggregationDuration> Durations,
    AggregationPurgeSpec Purge,
    StoreSpec? Store);

/// <summary>
/// The <c>within start[, end] per granularity</c> of a join with (or an on-demand query on) an aggregation:
/// a single <c>within</c> is a date pattern string such as <c>'2014-02-** **:**:**'</c>; two bounds are long
/// epoch milliseconds or date strings; <see cref="Per"/> is a string (constant or attribute) naming a granularity.
/// </summary>
public sealed record AggregationWithinSpec(ExpressionSpec Start, ExpressionSpec? End, ExpressionSpec Per);
