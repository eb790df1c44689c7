using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// A stream or pattern event used as a value, only as the operand of <c>is null</c>: <c>e1[last] is null</c>,
/// <c>#S is null</c>, <c>!S is null</c>. (A bare <c>e2 is null</c> is parsed as an attribute reference.)
/// </summary>
public sealed class StreamReferenceExpressionSyntax : ExpressionSyntax
{
    public StreamReferenceExpressionSyntax(StreamQualifierSyntax stream, TextSpan span)
        : base(span) => Stream = stream;

    public StreamQualifierSyntax Stream { get; }
}
