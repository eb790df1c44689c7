namespace SiddhiGen.Runtime.Aggregations;

/// <summary>The time granularities of an incremental aggregation, finest first (Siddhi's <c>TimePeriod.Duration</c>).</summary>
public enum Granularity
{
    Seconds,
    Minutes,
    Hours,
    Days,
    Months,
    Years,
}
