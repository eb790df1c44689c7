using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// A <c>define ...</c> element. Subclasses: <see cref="StreamDefinitionSyntax"/>,
/// <see cref="TableDefinitionSyntax"/>, <see cref="WindowDefinitionSyntax"/>,
/// <see cref="TriggerDefinitionSyntax"/>, <see cref="FunctionDefinitionSyntax"/>,
/// <see cref="AggregationDefinitionSyntax"/>. The span covers the annotations and the definition text.
/// </summary>
public abstract class DefinitionSyntax : SyntaxNode
{
    protected DefinitionSyntax(ImmutableArray<AnnotationSyntax> annotations, IdentifierSyntax name, TextSpan span)
        : base(span)
    {
        Annotations = annotations;
        Name = name;
    }

    /// <summary>The annotations written before <c>define</c> (<c>@sink</c>, <c>@PrimaryKey</c>, ...).</summary>
    public ImmutableArray<AnnotationSyntax> Annotations { get; }

    /// <summary>The defined id (stream, table, window, trigger, function or aggregation name).</summary>
    public IdentifierSyntax Name { get; }
}
