using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Names in a condition that reads the row of a table or aggregation (the "store") next to something else,
/// resolved as Siddhi's <c>MatcherParser</c> sets them up: a name qualified with the store's reference
/// (<c>T.attr</c>) reads the store row; every other name reads the other side, which is the enclosing
/// input (<c>cond in T</c>), the query's output row (<c>delete</c>/<c>update</c> conditions and <c>set</c>
/// values), or nothing (an on-demand find, where unqualified names read the store too).
/// </summary>
internal sealed class StoreScope : IScopeExtension
{
    private readonly ExpressionBinder _binder;
    private readonly StoreEntry _store;
    private readonly string _reference;
    private readonly ExpressionScope? _outer;
    private readonly IReadOnlyList<ProjectionSpec>? _outputRow;
    private readonly string _outputDescription;

    private StoreScope(ExpressionBinder binder, StoreEntry store, string reference, ExpressionScope? outer, IReadOnlyList<ProjectionSpec>? outputRow, string outputDescription)
    {
        _binder = binder;
        _store = store;
        _reference = reference;
        _outer = outer;
        _outputRow = outputRow;
        _outputDescription = outputDescription;
    }

    /// <summary>The scope of <c>cond in T</c> inside <paramref name="outer"/>.</summary>
    public static ExpressionScope AroundInput(ExpressionBinder binder, ExpressionScope outer, StoreEntry store, string reference, string place)
    {
        var extension = new StoreScope(binder, store, reference, outer, null, string.Empty);
        var sources = outer.Sources.Concat(new[] { new ScopeSource(store.Schema, reference, "Store") }).ToList();
        return new ExpressionScope(sources, place) { Extension = extension };
    }

    /// <summary>The scope of a <c>delete</c>/<c>update</c> condition or a <c>set</c> value: the output row and the table row.</summary>
    public static ExpressionScope OverOutput(ExpressionBinder binder, IReadOnlyList<ProjectionSpec> output, StoreEntry store, string reference, string place, string outputDescription)
    {
        var extension = new StoreScope(binder, store, reference, null, output, outputDescription);
        var outputStream = new StreamSpec(string.Empty, "Output", "Output", new EquatableArray<AttributeSpec>(output.Select(p => p.Attribute)), IsInferred: true, IsQueryTarget: false, DefinitionText: null);
        var sources = new[] { new ScopeSource(outputStream, null, "Output"), new ScopeSource(store.Schema, reference, "Store") };
        return new ExpressionScope(sources, place) { Extension = extension };
    }

    /// <summary>The scope of an on-demand find's condition: only the store, qualified or not.</summary>
    public static ExpressionScope StoreOnly(ExpressionBinder binder, StoreEntry store, string reference, string place)
    {
        var extension = new StoreScope(binder, store, reference, null, null, string.Empty);
        return new ExpressionScope(new[] { new ScopeSource(store.Schema, reference, null) }, place) { Extension = extension };
    }

    public bool TryBind(ExpressionSyntax syntax, ExpressionScope scope, out ExpressionSpec? bound)
    {
        bound = null;
        if (syntax is not AttributeReferenceExpressionSyntax attribute)
        {
            return _outer?.Extension is { } outerExtension && outerExtension.TryBind(syntax, _outer, out bound);
        }

        var qualifier = attribute.Qualifier;
        if (qualifier is { IsInner: false, IsFault: false, Index: null, Function: null } && qualifier.Name.Text == _reference)
        {
            bound = StoreAttribute(attribute);
            return true;
        }

        if (_outer is not null)
        {
            bound = _binder.Bind(attribute, _outer);
            return true;
        }

        if (qualifier is not null)
        {
            _binder.Context.Report(DiagnosticDescriptors.UndefinedStream, qualifier.Name.Span, qualifier.Name.Text);
            return true;
        }

        if (_outputRow is null)
        {
            bound = StoreAttribute(attribute);
            return true;
        }

        foreach (var projection in _outputRow)
        {
            if (projection.Attribute.Name == attribute.Name.Text)
            {
                bound = new AttributeRefSpec(projection.Attribute.Type, projection.Attribute.Name, projection.Attribute.PropertyName, RowSource.Output);
                return true;
            }
        }

        _binder.Context.Report(DiagnosticDescriptors.UndefinedAttribute, attribute.Name.Span, attribute.Name.Text, _outputDescription);
        return true;
    }

    private ExpressionSpec? StoreAttribute(AttributeReferenceExpressionSyntax attribute)
    {
        foreach (var candidate in _store.Schema.Attributes)
        {
            if (candidate.Name == attribute.Name.Text)
            {
                return new StoreAttributeRefSpec(candidate.Type, candidate.Name, candidate.PropertyName);
            }
        }

        _binder.Context.Report(DiagnosticDescriptors.UndefinedAttribute, attribute.Name.Span, attribute.Name.Text, _store.KindName + " '" + _store.Schema.Name + "'");
        return null;
    }
}
