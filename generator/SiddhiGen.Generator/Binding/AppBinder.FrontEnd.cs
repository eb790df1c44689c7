using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// The definitions and execution elements with no runtime yet — tables, aggregations, triggers, script
/// functions and partitions — bound fully (names, types, annotations) into specs, then reported once each
/// as not supported (SIDDHI001) so that the errors inside them are still found.
/// </summary>
internal sealed partial class AppBinder
{
    private readonly List<TableSpec> _tables = new();
    private readonly List<AggregationSpec> _aggregations = new();
    private readonly List<TriggerSpec> _triggers = new();
    private readonly List<PartitionSpec> _partitions = new();
    private readonly List<AggregationDefinitionSyntax> _deferredAggregations = new();

    /// <summary>Binds only the definitions of <paramref name="app"/>: what an on-demand query can read.</summary>
    internal static AppSymbols BindDefinitionsOf(BindingContext context, AppSyntax app, string filePath)
    {
        var binder = new AppBinder(context, app, filePath, "OnDemand");
        var symbols = new AppSymbols(app, Identifiers.Pascal(System.IO.Path.GetFileNameWithoutExtension(filePath)));
        binder.BindDefinitions(symbols, new List<ConnectorSpec>());
        return symbols;
    }

    /// <summary>
    /// Binds a whole app and returns every spec it produced, even when constructs are not supported yet
    /// (<see cref="Bind(BindingContext, AppSyntax, string, string)"/> returns no app then): for tests and tools.
    /// </summary>
    internal static BoundApp Inspect(BindingContext context, AppSyntax app, string filePath)
    {
        var binder = new AppBinder(context, app, filePath, "Inspect");
        var symbols = new AppSymbols(app, Identifiers.Pascal(System.IO.Path.GetFileNameWithoutExtension(filePath)));
        binder.BindDefinitions(symbols, new List<ConnectorSpec>());
        var queryBinder = new QueryBinder(context, symbols);
        var queries = new List<QuerySpec>();
        var names = new HashSet<string>();
        var number = 0;
        foreach (var element in app.ExecutionElements)
        {
            if (element is PartitionSyntax partition)
            {
                number = binder.BindPartition(symbols, queryBinder, partition, names, number);
            }
            else if (element is QuerySyntax query)
            {
                number++;
                var name = "query_" + number.ToString(CultureInfo.InvariantCulture);
                names.Add(name);
                var spec = queryBinder.Bind(query, name, Identifiers.Pascal(name) + "Query", app.GetText(query).Trim());
                if (spec is not null)
                {
                    queries.Add(spec);
                }
                else
                {
                    MarkUnresolvedTargets(symbols, query);
                }
            }
        }

        return new BoundApp(symbols, binder._tables, binder._aggregations, binder._triggers, binder._windows, queries, binder._partitions);
    }

    private void BindOtherDefinition(AppSymbols symbols, DefinitionSyntax definition)
    {
        var name = definition.Name.Text;
        switch (definition)
        {
            case TableDefinitionSyntax table:
                symbols.OtherDefinitions.Add(name, "table");
                var attributes = BindAttributes(name, "table", table.Attributes);
                var tableSpec = TableBinder.Bind(_context, symbols, table, attributes, _app.GetText(table).Trim());
                if (tableSpec is not null)
                {
                    _tables.Add(tableSpec);
                }

                // In-memory and rdbms tables are generated; other store types and @cache are not yet.
                if (tableSpec?.Store is { } store && !RdbmsStoreBinder.IsRdbms(store))
                {
                    _context.NotSupported("@store(type='" + store.Type + "') table", definition.Name.Span);
                }
                else if (tableSpec?.Store is { Cache.Count: > 0 })
                {
                    _context.NotSupported("@cache on a store table", definition.Name.Span);
                }
                break;

            case AggregationDefinitionSyntax aggregation:
                // Siddhi builds aggregations after every stream, table and window: bind them last.
                symbols.OtherDefinitions.Add(name, "aggregation");
                _deferredAggregations.Add(aggregation);
                break;

            case TriggerDefinitionSyntax trigger:
                BindTrigger(symbols, trigger);
                break;

            case FunctionDefinitionSyntax function:
                symbols.OtherDefinitions.Add(name, "function");
                symbols.ScriptFunctions[name] = new ScriptFunctionSpec(name, function.Language.Text, (AttributeType)(int)function.ReturnType.Type, function.Body);
                if (!function.Language.Text.Equals("javascript", System.StringComparison.OrdinalIgnoreCase))
                {
                    _context.NotSupported("script language '" + function.Language.Text + "' (only javascript runs)", function.Language.Span);
                }
                else if (!_context.Extensions.Scripting)
                {
                    _context.Report(DiagnosticDescriptors.ScriptingNotReferenced, function.Language.Span, name);
                }

                break;

            default:
                symbols.OtherDefinitions.Add(name, "definition");
                _context.NotSupported("definition", definition.Name.Span);
                break;
        }
    }

    private void BindDeferredDefinitions(AppSymbols symbols)
    {
        foreach (var aggregation in _deferredAggregations)
        {
            var spec = AggregationBinder.Bind(_context, symbols, aggregation, _app.GetText(aggregation).Trim());
            if (spec is not null)
            {
                _aggregations.Add(spec);
            }
        }
    }

    /// <summary>
    /// <c>define trigger T at ...</c>: a stream <c>T (triggered_time long)</c> that queries read and may insert
    /// into, fed by the clock.
    /// </summary>
    private void BindTrigger(AppSymbols symbols, TriggerDefinitionSyntax trigger)
    {
        var name = trigger.Name.Text;
        if (!symbols.Streams.ContainsKey(name))
        {
            var attribute = new AttributeSpec("triggered_time", AttributeType.Long, "TriggeredTime");
            symbols.DefineStream(name, new[] { attribute }, inferred: false, _app.GetText(trigger));
        }

        if (trigger.Every is null && !trigger.IsStart && !IsQuartzShaped(trigger.At?.Value))
        {
            _context.Report(DiagnosticDescriptors.InvalidConstant, trigger.At?.Span ?? trigger.Name.Span, $"The cron expression of trigger '{name}'", "a Quartz cron expression of 6 or 7 fields (seconds first)");
            return;
        }

        var spec = trigger.Every is { } every
            ? new TriggerSpec(name, TriggerKind.Periodic, every.Milliseconds, null)
            : trigger.IsStart
                ? new TriggerSpec(name, TriggerKind.Start, 0, null)
                : new TriggerSpec(name, TriggerKind.Cron, 0, trigger.At?.Value);
        _triggers.Add(spec);
    }

    /// <summary>Quartz cron: seconds, minutes, hours, day of month, month, day of week, and an optional year.</summary>
    private static bool IsQuartzShaped(string? cron) =>
        cron is not null && cron.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Length is 6 or 7;

    /// <summary>
    /// Binds a partition: its keys and <c>@purge</c>, then its queries in order (numbered and named with the
    /// app's other queries), with its inner streams visible only inside it. Returns the query count so far.
    /// </summary>
    private int BindPartition(AppSymbols symbols, QueryBinder binder, PartitionSyntax partition, HashSet<string> queryNames, int number)
    {
        var keys = PartitionBinder.BindKeys(_context, symbols, partition);
        var purge = PartitionBinder.BindPurge(_context, partition, out var purgeOk);
        var ok = keys is not null && purgeOk;
        var queries = new List<QuerySpec>();
        symbols.BeginPartition(partition);
        foreach (var query in partition.Queries)
        {
            number++;
            var info = query.Annotations.FirstOrDefault(a => string.Equals(a.Name.Text, "info", StringComparison.OrdinalIgnoreCase));
            var nameElement = info?.Elements.FirstOrDefault(e => e.Key is not null && string.Equals(e.Key.Text, "name", StringComparison.OrdinalIgnoreCase));
            var name = nameElement?.Value.Value ?? "query_" + number.ToString(CultureInfo.InvariantCulture);
            if (!queryNames.Add(name))
            {
                _context.Report(DiagnosticDescriptors.DuplicateQueryName, nameElement?.Span ?? query.Span, name);
                ok = false;
                continue;
            }

            var operatorName = Identifiers.Unique(Identifiers.Pascal(name) + "Query", symbols.UsedMemberNames);
            var spec = binder.Bind(query, name, operatorName, _app.GetText(query).Trim());
            if (spec is { Rate: not null })
            {
                _context.NotSupported("output rate limiting inside a partition", query.OutputRate!.Span);
                ok = false;
                continue;
            }

            if (spec is not null)
            {
                queries.Add(spec);
                continue;
            }

            ok = false;
            if (query.Output is InsertIntoSyntax { Target: { IsInner: true, IsFault: false } inner })
            {
                symbols.Unresolved.Add("#" + inner.Name.Text);
            }
            else
            {
                MarkUnresolvedTargets(symbols, query);
            }
        }

        var innerStreams = symbols.EndPartition();
        if (purge is { Enabled: true })
        {
            var annotation = partition.Annotations.First(a => string.Equals(a.Name.Text, "purge", StringComparison.OrdinalIgnoreCase));
            var enable = annotation.Elements.FirstOrDefault(e => e.Key is not null && string.Equals(e.Key.Text, "enable", StringComparison.OrdinalIgnoreCase));
            _context.NotSupported("@purge on a partition", enable?.Value.Span ?? annotation.Span);
            ok = false;
        }

        if (ok)
        {
            var info = partition.Annotations.FirstOrDefault(a => string.Equals(a.Name.Text, "info", StringComparison.OrdinalIgnoreCase));
            var partitionName = info?.Elements.FirstOrDefault(e => e.Key is not null && string.Equals(e.Key.Text, "name", StringComparison.OrdinalIgnoreCase))?.Value.Value
                ?? "partition_" + (_partitions.Count + 1).ToString(CultureInfo.InvariantCulture);
            _partitions.Add(new PartitionSpec(
                partitionName,
                _app.GetText(partition).Trim(),
                new EquatableArray<PartitionKeySpec>(keys!),
                new EquatableArray<StreamSpec>(innerStreams),
                new EquatableArray<QuerySpec>(queries),
                purge));
        }

        return number;
    }
}

/// <summary>Everything <see cref="AppBinder.Inspect"/> bound.</summary>
internal sealed record BoundApp(
    AppSymbols Symbols,
    IReadOnlyList<TableSpec> Tables,
    IReadOnlyList<AggregationSpec> Aggregations,
    IReadOnlyList<TriggerSpec> Triggers,
    IReadOnlyList<NamedWindowSpec> Windows,
    IReadOnlyList<QuerySpec> Queries,
    IReadOnlyList<PartitionSpec> Partitions);
