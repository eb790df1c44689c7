using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// An attribute: <c>a</c>, <c>S.a</c>, <c>alias.a</c>, <c>e1.a</c>, <c>e1[0].a</c>, <c>e1[last].a</c>,
/// <c>e1[last-2].a</c>, <c>#S.a</c>, <c>!S.a</c> or <c>S#fn.a</c>. A keyword may be used as a name, so a
/// bare <c>null</c> is an attribute named <c>null</c> (SiddhiQL has no null literal).
/// </summary>
public sealed class AttributeReferenceExpressionSyntax : ExpressionSyntax
{
    public AttributeReferenceExpressionSyntax(StreamQualifierSyntax? qualifier, IdentifierSyntax name, TextSpan span)
        : base(span)
    {
        Qualifier = qualifier;
        Name = name;
    }

    /// <summary>The part before the '.', or null for an unqualified attribute.</summary>
    public StreamQualifierSyntax? Qualifier { get; }

    /// <summary>The attribute name.</summary>
    public IdentifierSyntax Name { get; }
}
