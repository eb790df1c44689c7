using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// Prefix <c>not x</c>. It binds tighter than every binary operator: <c>not a &gt; 1</c> is <c>(not a) &gt; 1</c>.
/// </summary>
public sealed class NotExpressionSyntax : ExpressionSyntax
{
    public NotExpressionSyntax(ExpressionSyntax operand, TextSpan span)
        : base(span) => Operand = operand;

    public ExpressionSyntax Operand { get; }
}
