using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// A SiddhiQL expression: <see cref="LiteralExpressionSyntax"/>, <see cref="TimeConstantExpressionSyntax"/>,
/// <see cref="AttributeReferenceExpressionSyntax"/>, <see cref="StreamReferenceExpressionSyntax"/> (only as
/// the operand of <c>is null</c>), <see cref="FunctionCallExpressionSyntax"/>, <see cref="BinaryExpressionSyntax"/>,
/// <see cref="NotExpressionSyntax"/>, <see cref="IsNullExpressionSyntax"/>, <see cref="InExpressionSyntax"/>
/// or <see cref="PlaceholderExpressionSyntax"/>. Parentheses are not kept as nodes; they only shape the tree.
/// </summary>
public abstract class ExpressionSyntax : SyntaxNode
{
    protected ExpressionSyntax(TextSpan span)
        : base(span)
    {
    }
}
