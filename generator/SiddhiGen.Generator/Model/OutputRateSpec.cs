namespace SiddhiGen.Generator.Model;

/// <summary>Which rows an output rate limiter lets through.</summary>
public enum RateLimitKind
{
    All,
    First,
    Last,
    Snapshot,
}

/// <summary>
/// <c>output [all|first|last] every N events</c>, <c>output [all|first|last] every &lt;time&gt;</c> or
/// <c>output snapshot every &lt;time&gt;</c>: <see cref="Value"/> is the event count or the period in ms.
/// </summary>
public sealed record OutputRateSpec(RateLimitKind Kind, bool IsTimeBased, long Value);
