using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>One aggregation duration keyword (<c>sec</c>, <c>minutes</c>, <c>year</c>, ...).</summary>
public sealed class GranularitySyntax : SyntaxNode
{
    public GranularitySyntax(TimeUnit unit, TextSpan span)
        : base(span) => Unit = unit;

    /// <summary>The unit; never <see cref="TimeUnit.Week"/> or <see cref="TimeUnit.Millisecond"/> (the parser rejects those).</summary>
    public TimeUnit Unit { get; }
}
