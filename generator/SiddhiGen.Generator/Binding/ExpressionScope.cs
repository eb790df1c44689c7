using System.Collections.Generic;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// What names mean where an expression is bound: the input stream (and its alias), the selected
/// output (for <c>having</c>), and whether aggregators may appear (they may only in a selector).
/// </summary>
internal sealed class ExpressionScope
{
    public ExpressionScope(StreamSpec input, string? alias, string place)
    {
        Input = input;
        Alias = alias;
        Place = place;
    }

    public StreamSpec Input { get; }

    public string? Alias { get; }

    /// <summary>Where the expression stands, for messages: "filter", "select clause", "having clause".</summary>
    public string Place { get; }

    /// <summary>The selected attributes, visible to <c>having</c> by their output names.</summary>
    public IReadOnlyList<ProjectionSpec>? Output { get; init; }

    /// <summary>Where aggregators found in the expression are collected; null where none may appear.</summary>
    public List<AggregatorSpec>? Aggregators { get; init; }
}
