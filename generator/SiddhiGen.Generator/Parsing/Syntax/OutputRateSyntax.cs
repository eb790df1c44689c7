using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>Which rows a rate limiter emits: <c>all</c> (the default when omitted), <c>first</c> or <c>last</c>.</summary>
public enum OutputRateType
{
    All,
    First,
    Last,
}

/// <summary>
/// An <c>output ...</c> rate-limiting clause: <see cref="EventCountOutputRateSyntax"/>,
/// <see cref="TimeOutputRateSyntax"/> or <see cref="SnapshotOutputRateSyntax"/>.
/// </summary>
public abstract class OutputRateSyntax : SyntaxNode
{
    protected OutputRateSyntax(TextSpan span)
        : base(span)
    {
    }
}

/// <summary><c>output [all|first|last] every N events</c>.</summary>
public sealed class EventCountOutputRateSyntax : OutputRateSyntax
{
    public EventCountOutputRateSyntax(OutputRateType type, int count, TextSpan span)
        : base(span)
    {
        Type = type;
        Count = count;
    }

    public OutputRateType Type { get; }

    /// <summary>N.</summary>
    public int Count { get; }
}

/// <summary><c>output [all|first|last] every &lt;time&gt;</c>.</summary>
public sealed class TimeOutputRateSyntax : OutputRateSyntax
{
    public TimeOutputRateSyntax(OutputRateType type, TimeConstantExpressionSyntax interval, TextSpan span)
        : base(span)
    {
        Type = type;
        Interval = interval;
    }

    public OutputRateType Type { get; }

    public TimeConstantExpressionSyntax Interval { get; }
}

/// <summary><c>output snapshot every &lt;time&gt;</c>.</summary>
public sealed class SnapshotOutputRateSyntax : OutputRateSyntax
{
    public SnapshotOutputRateSyntax(TimeConstantExpressionSyntax interval, TextSpan span)
        : base(span) => Interval = interval;

    public TimeConstantExpressionSyntax Interval { get; }
}
