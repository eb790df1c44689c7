using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>The seven SiddhiQL attribute types, as written in definitions (case-insensitive).</summary>
public enum SyntaxAttributeType
{
    String,
    Int,
    Long,
    Float,
    Double,
    Bool,
    Object,
}

/// <summary>An attribute type keyword: <c>string</c>, <c>int</c>, <c>long</c>, <c>float</c>, <c>double</c>, <c>bool</c> or <c>object</c>.</summary>
public sealed class AttributeTypeSyntax : SyntaxNode
{
    public AttributeTypeSyntax(SyntaxAttributeType type, TextSpan span)
        : base(span) => Type = type;

    public SyntaxAttributeType Type { get; }
}
