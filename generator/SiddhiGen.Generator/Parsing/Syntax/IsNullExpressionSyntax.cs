using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// <c>x is null</c>. The operand is an <see cref="AttributeReferenceExpressionSyntax"/> (a bare name such
/// as <c>e2 is null</c> may mean a pattern event or an attribute: the binder decides), a
/// <see cref="StreamReferenceExpressionSyntax"/> (<c>e1[last] is null</c>, <c>#S is null</c>) or a
/// <see cref="FunctionCallExpressionSyntax"/>.
/// </summary>
public sealed class IsNullExpressionSyntax : ExpressionSyntax
{
    public IsNullExpressionSyntax(ExpressionSyntax operand, TextSpan span)
        : base(span) => Operand = operand;

    public ExpressionSyntax Operand { get; }
}
