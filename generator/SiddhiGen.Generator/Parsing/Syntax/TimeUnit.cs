namespace SiddhiGen.Generator.Parsing;

/// <summary>Time units of time constants and aggregation durations, finest first.</summary>
public enum TimeUnit
{
    Millisecond,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}
