using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>A query (<see cref="QuerySyntax"/>) or a partition (<see cref="PartitionSyntax"/>).</summary>
public abstract class ExecutionElementSyntax : SyntaxNode
{
    protected ExecutionElementSyntax(ImmutableArray<AnnotationSyntax> annotations, TextSpan span)
        : base(span) => Annotations = annotations;

    /// <summary>The annotations before the element (<c>@info(name='q')</c>, <c>@purge(...)</c>, ...).</summary>
    public ImmutableArray<AnnotationSyntax> Annotations { get; }
}
