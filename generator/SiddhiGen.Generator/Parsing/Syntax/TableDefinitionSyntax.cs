using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary><c>define table T (a type, ...)</c>; <c>@PrimaryKey</c>, <c>@Index</c>, <c>@store</c> are in <see cref="DefinitionSyntax.Annotations"/>.</summary>
public sealed class TableDefinitionSyntax : DefinitionSyntax
{
    public TableDefinitionSyntax(ImmutableArray<AnnotationSyntax> annotations, IdentifierSyntax name, ImmutableArray<AttributeDefinitionSyntax> attributes, TextSpan span)
        : base(annotations, name, span) => Attributes = attributes;

    /// <summary>The attributes in schema order.</summary>
    public ImmutableArray<AttributeDefinitionSyntax> Attributes { get; }
}
