using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>One <c>name type</c> entry of a stream, table or window attribute list.</summary>
public sealed class AttributeDefinitionSyntax : SyntaxNode
{
    public AttributeDefinitionSyntax(IdentifierSyntax name, AttributeTypeSyntax type, TextSpan span)
        : base(span)
    {
        Name = name;
        Type = type;
    }

    public IdentifierSyntax Name { get; }

    public AttributeTypeSyntax Type { get; }
}
