using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary><c>define stream S (a type, ...)</c>.</summary>
public sealed class StreamDefinitionSyntax : DefinitionSyntax
{
    public StreamDefinitionSyntax(ImmutableArray<AnnotationSyntax> annotations, IdentifierSyntax name, ImmutableArray<AttributeDefinitionSyntax> attributes, TextSpan span)
        : base(annotations, name, span) => Attributes = attributes;

    /// <summary>The attributes in schema order.</summary>
    public ImmutableArray<AttributeDefinitionSyntax> Attributes { get; }
}
