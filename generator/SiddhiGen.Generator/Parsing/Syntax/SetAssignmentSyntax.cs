using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>One <c>T.a = expr</c> of a <c>set</c> clause.</summary>
public sealed class SetAssignmentSyntax : SyntaxNode
{
    public SetAssignmentSyntax(AttributeReferenceExpressionSyntax target, ExpressionSyntax value, TextSpan span)
        : base(span)
    {
        Target = target;
        Value = value;
    }

    /// <summary>The table attribute assigned (usually qualified, <c>T.a</c>).</summary>
    public AttributeReferenceExpressionSyntax Target { get; }

    public ExpressionSyntax Value { get; }
}
