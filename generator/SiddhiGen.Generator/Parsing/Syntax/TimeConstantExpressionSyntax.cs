using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// A time constant such as <c>1 hour 25 min</c>: a LONG number of milliseconds (month = 30 days,
/// year = 365 days, week = 7 days). Units are juxtaposed in descending order.
/// </summary>
public sealed class TimeConstantExpressionSyntax : ExpressionSyntax
{
    public TimeConstantExpressionSyntax(long milliseconds, ImmutableArray<TimePartSyntax> parts, TextSpan span)
        : base(span)
    {
        Milliseconds = milliseconds;
        Parts = parts;
    }

    /// <summary>The total in milliseconds (Java <c>long</c> arithmetic: wraps on overflow).</summary>
    public long Milliseconds { get; }

    /// <summary>The <c>value unit</c> pairs as written.</summary>
    public ImmutableArray<TimePartSyntax> Parts { get; }
}

/// <summary>One <c>value unit</c> pair of a time constant, e.g. <c>25 min</c>.</summary>
public sealed class TimePartSyntax : SyntaxNode
{
    public TimePartSyntax(int value, TimeUnit unit, TextSpan span)
        : base(span)
    {
        Value = value;
        Unit = unit;
    }

    public int Value { get; }

    public TimeUnit Unit { get; }
}
