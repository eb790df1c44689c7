using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// On-demand queries (<c>runtime.query(...)</c>), bound against the app's tables, named windows and
/// aggregations with the rules of Siddhi's <c>OnDemandQueryParser</c>: a find reads a table, window or
/// aggregation (an aggregation with both <c>within</c> and <c>per</c>, or neither); insert, delete, update and
/// update-or-insert act on a table exactly as a query's output does.
/// </summary>
internal sealed partial class QueryBinder
{
    private const string OnDemandName = "on-demand query";

    public OnDemandQuerySpec? BindOnDemand(OnDemandQuerySyntax syntax)
    {
        if (syntax.Kind == Parsing.OnDemandQueryKind.Find)
        {
            return syntax.Input is null ? null : BindFind(syntax, syntax.Input);
        }

        // insert/delete/update select from nothing: constants and functions only.
        var empty = new StreamSpec(string.Empty, "Empty", "Empty", EquatableArray<AttributeSpec>.Empty, IsInferred: true, IsQueryTarget: false, DefinitionText: null);
        var selector = BindSelector(syntax.Selector, new ExpressionScope(empty, null, "select clause"));
        OutputSpec? output = syntax.Output switch
        {
            InsertIntoSyntax insert when !insert.Target.IsInner && !insert.Target.IsFault && _symbols.Tables.ContainsKey(insert.Target.Name.Text) =>
                BindInsertIntoStore(OnDemandName, selector, Model.OutputEventType.Current, "table", insert.Target),
            InsertIntoSyntax insert => NotATable(insert.Target, "an on-demand insert"),
            { } action => BindStoreOutput(action, OnDemandName, selector, Model.OutputEventType.Current),
            null => null,
        };

        if (selector is null || output?.Action is null)
        {
            return null;
        }

        var kind = syntax.Kind switch
        {
            Parsing.OnDemandQueryKind.Insert => Model.OnDemandQueryKind.Insert,
            Parsing.OnDemandQueryKind.Delete => Model.OnDemandQueryKind.Delete,
            Parsing.OnDemandQueryKind.Update => Model.OnDemandQueryKind.Update,
            _ => Model.OnDemandQueryKind.UpdateOrInsert,
        };
        return new OnDemandQuerySpec(kind, output.TargetStream, StoreKind.Table, null, null, selector, output.Action, new EquatableArray<AttributeSpec>(selector.Projections.Select(p => p.Attribute)));
    }

    private OutputSpec? NotATable(SourceSyntax target, string action)
    {
        _context.Report(DiagnosticDescriptors.NotATable, target.Span, target.ToString(), action);
        return null;
    }

    private OnDemandQuerySpec? BindFind(OnDemandQuerySyntax syntax, StoreInputSyntax input)
    {
        var name = input.Source.Text;
        var reference = input.Alias?.Text ?? name;
        StoreEntry? store;
        StoreKind kind;
        if (_symbols.Tables.TryGetValue(name, out var table))
        {
            (store, kind) = (table, StoreKind.Table);
        }
        else if (_symbols.Aggregations.TryGetValue(name, out var aggregation))
        {
            (store, kind) = (aggregation, StoreKind.Aggregation);
        }
        else if (_symbols.Streams.TryGetValue(name, out var window) && window.IsWindow)
        {
            (store, kind) = (new StoreEntry(StoreKind.Window, window.Spec), StoreKind.Window);
        }
        else
        {
            _context.Report(DiagnosticDescriptors.InvalidQuery, input.Source.Span, $"'{name}' is not a table, a named window or an aggregation: an on-demand query cannot read it");
            return null;
        }

        var ok = true;
        AggregationWithinSpec? within = null;
        var storeScope = StoreScope.StoreOnly(_expressions, store, reference, "condition");
        if (kind == StoreKind.Aggregation)
        {
            within = AggregationReads.BindWithin(_context, _expressions, input.WithinStart, input.WithinEnd, input.Per, storeScope, "An on-demand query on", name, store.Durations, input.Span);
            ok = within is not null;
        }
        else if (input.WithinStart is not null || input.Per is not null)
        {
            _context.Report(DiagnosticDescriptors.InvalidQuery, (input.WithinStart ?? input.Per)!.Span, "'within' and 'per' apply only to an aggregation");
            ok = false;
        }

        ExpressionSpec? on = null;
        if (input.On is { } onSyntax)
        {
            on = _expressions.BindCondition(onSyntax, storeScope);
            ok &= on is not null;
        }

        var selector = BindJoinSelector(syntax.Selector, new ExpressionScope(store.Schema, input.Alias?.Text, "select clause"));
        if (!ok || selector is null)
        {
            return null;
        }

        return new OnDemandQuerySpec(Model.OnDemandQueryKind.Find, name, kind, on, within, selector, null, new EquatableArray<AttributeSpec>(selector.Projections.Select(p => p.Attribute)));
    }
}
