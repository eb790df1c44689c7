using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// <c>define aggregation A from S[...]#... select ... [group by ...] aggregate [by ts] every sec ... year</c>
/// (or <c>every sec, min, hour</c>).
/// </summary>
public sealed class AggregationDefinitionSyntax : DefinitionSyntax
{
    public AggregationDefinitionSyntax(
        ImmutableArray<AnnotationSyntax> annotations,
        IdentifierSyntax name,
        SingleInputSyntax input,
        SelectorSyntax selector,
        AttributeReferenceExpressionSyntax? aggregateBy,
        bool isRange,
        ImmutableArray<GranularitySyntax> granularities,
        TextSpan span)
        : base(annotations, name, span)
    {
        Input = input;
        Selector = selector;
        AggregateBy = aggregateBy;
        IsRange = isRange;
        Granularities = granularities;
    }

    /// <summary>The input stream with its filters, stream functions and window.</summary>
    public SingleInputSyntax Input { get; }

    /// <summary>The <c>select</c> list and <c>group by</c> (having/order by/limit/offset are never set).</summary>
    public SelectorSyntax Selector { get; }

    /// <summary>The timestamp attribute of <c>aggregate by ts</c>, or null (the event timestamp).</summary>
    public AttributeReferenceExpressionSyntax? AggregateBy { get; }

    /// <summary>True for <c>every a ... b</c> (<see cref="Granularities"/> then has the two bounds); false for a comma list.</summary>
    public bool IsRange { get; }

    /// <summary>The range bounds or the listed durations, as written.</summary>
    public ImmutableArray<GranularitySyntax> Granularities { get; }
}
