using System.Collections.Generic;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// One input an expression can read: a stream (or window) under its alias. <see cref="Path"/> is the
/// member of the event being processed that holds it (<c>Left</c>/<c>Right</c> in a join), or null when
/// the event is that stream's own struct.
/// </summary>
internal sealed record ScopeSource(StreamSpec Stream, string? Alias, string? Path)
{
    /// <summary>The name a qualified reference uses: the alias, or else the stream's name.</summary>
    public string ReferenceName => Alias ?? Stream.Name;
}

/// <summary>
/// What names mean where an expression is bound: the inputs (one stream, or the two sides of a join),
/// the selected output (for <c>having</c>), and whether aggregators may appear (only in a selector).
/// </summary>
internal sealed class ExpressionScope
{
    public ExpressionScope(StreamSpec input, string? alias, string place)
        : this(new[] { new ScopeSource(input, alias, null) }, place)
    {
    }

    public ExpressionScope(IReadOnlyList<ScopeSource> sources, string place)
    {
        Sources = sources;
        Place = place;
    }

    public IReadOnlyList<ScopeSource> Sources { get; }

    /// <summary>The first input; the only one outside joins.</summary>
    public StreamSpec Input => Sources[0].Stream;

    public string? Alias => Sources[0].Alias;

    /// <summary>Where the expression stands, for messages: "filter", "select clause", "having clause".</summary>
    public string Place { get; }

    /// <summary>The selected attributes, visible to <c>having</c> by their output names.</summary>
    public IReadOnlyList<ProjectionSpec>? Output { get; init; }

    /// <summary>Where aggregators found in the expression are collected; null where none may appear.</summary>
    public List<AggregatorSpec>? Aggregators { get; init; }

    /// <summary>
    /// Names this scope adds beyond its inputs (<c>first</c>/<c>last</c> in an expression window's condition),
    /// asked first for every node; null where there are none.
    /// </summary>
    public IScopeExtension? Extension { get; init; }

    /// <summary>The same inputs in another place (an aggregator argument, a group by clause).</summary>
    public ExpressionScope WithPlace(string place) => new(Sources, place) { Extension = Extension };

    /// <summary>A reference to <paramref name="attribute"/> of <paramref name="source"/> on the input event.</summary>
    public static AttributeRefSpec Reference(ScopeSource source, AttributeSpec attribute) =>
        new(attribute.Type, attribute.Name, source.Path is null ? attribute.PropertyName : source.Path + "." + attribute.PropertyName, RowSource.Input);
}
