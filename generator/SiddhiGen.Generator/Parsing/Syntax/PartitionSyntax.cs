using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary><c>[@purge(...)] partition with (key of S, ...) begin q1; q2; end</c>.</summary>
public sealed class PartitionSyntax : ExecutionElementSyntax
{
    public PartitionSyntax(ImmutableArray<AnnotationSyntax> annotations, ImmutableArray<PartitionKeySyntax> keys, ImmutableArray<QuerySyntax> queries, TextSpan span)
        : base(annotations, span)
    {
        Keys = keys;
        Queries = queries;
    }

    /// <summary>One entry per partitioned stream: <see cref="ValuePartitionKeySyntax"/> or <see cref="RangePartitionKeySyntax"/>.</summary>
    public ImmutableArray<PartitionKeySyntax> Keys { get; }

    /// <summary>The queries between <c>begin</c> and <c>end</c>.</summary>
    public ImmutableArray<QuerySyntax> Queries { get; }
}
