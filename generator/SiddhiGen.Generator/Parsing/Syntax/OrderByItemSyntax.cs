using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>One <c>attr [asc|desc]</c> of an <c>order by</c> clause.</summary>
public sealed class OrderByItemSyntax : SyntaxNode
{
    public OrderByItemSyntax(AttributeReferenceExpressionSyntax attribute, bool isDescending, TextSpan span)
        : base(span)
    {
        Attribute = attribute;
        IsDescending = isDescending;
    }

    public AttributeReferenceExpressionSyntax Attribute { get; }

    /// <summary>True for <c>desc</c>; ascending is the default.</summary>
    public bool IsDescending { get; }
}
