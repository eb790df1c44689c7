using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Binds <c>define aggregation A from S ... select ... group by ... aggregate [by ts] every ...</c> with the
/// rules of Siddhi's <c>AggregationParser</c> and <c>IncrementalDataPurger</c>: the input is a defined stream;
/// incremental aggregators (<c>sum</c>, <c>count</c>, <c>avg</c>, <c>min</c>, <c>max</c>, <c>distinctCount</c>)
/// take one plain attribute of a suitable type; other aggregators are not allowed; the timestamp is long
/// or string; durations run from finer to coarser; <c>@purge</c> retention names granularities the
/// aggregation has and keeps at least Siddhi's minimum; <c>@PartitionById</c> needs a shard id.
/// </summary>
internal sealed class AggregationBinder
{
    private static readonly HashSet<string> s_incremental = new() { "sum", "count", "avg", "min", "max", "distinctCount" };

    private readonly BindingContext _context;
    private readonly AppSymbols _symbols;
    private readonly ExpressionBinder _expressions;
    private readonly AggregationDefinitionSyntax _definition;
    private readonly string _name;
    private bool _ok = true;

    private AggregationBinder(BindingContext context, AppSymbols symbols, AggregationDefinitionSyntax definition)
    {
        _context = context;
        _symbols = symbols;
        _definition = definition;
        _name = definition.Name.Text;
        _expressions = new ExpressionBinder(context) { Symbols = symbols };
    }

    public static AggregationSpec? Bind(BindingContext context, AppSymbols symbols, AggregationDefinitionSyntax definition, string text) =>
        new AggregationBinder(context, symbols, definition).Bind(text);

    private AggregationSpec? Bind(string text)
    {
        StoreSpec? store = null;
        AnnotationSyntax? purge = null;
        foreach (var annotation in _definition.Annotations)
        {
            switch (annotation.Name.Text.ToLowerInvariant())
            {
                case "partitionbyid":
                    var enable = Element(annotation, "enable");
                    if (enable is null || string.Equals(enable.Value.Value, "true", StringComparison.OrdinalIgnoreCase))
                    {
                        Error(DiagnosticDescriptors.PartitionByIdNotAvailable, annotation.Span);
                    }

                    break;
                case "primarykey":
                    Error(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, $"Aggregation '{_name}' has a predefined primary key: remove @PrimaryKey");
                    break;
                case "store":
                    store = TableBinder.BindStore(_context, annotation, "aggregation '" + _name + "'");
                    _ok &= store is not null;
                    if (store is not null)
                    {
                        // The bucket tables sit behind IAggregationBucketStore, ready for a database store; not yet wired.
                        _context.Report(DiagnosticDescriptors.AggregationStoreInMemory, annotation.Span, _name, store.Type);
                    }

                    break;
                case "purge":
                    purge = annotation;
                    break;
            }
        }

        var input = ResolveInput(_definition.Input.Source);
        var durations = BindDurations();
        if (input is null)
        {
            return null;
        }

        var inputSpec = BindHandlers(input);

        // After #pol2Cart the aggregation reads the extended event (the stream's attributes, then x, y[, z]).
        input = inputSpec?.Function?.Extended ?? input;
        var attributes = new List<AggregationAttributeSpec>();
        var groupBy = new List<AttributeRefSpec>();
        var schema = BindSelection(input, attributes, groupBy);
        if (schema is null)
        {
            return null;
        }

        ExpressionSpec? timestamp = null;
        if (_definition.AggregateBy is { } by)
        {
            timestamp = _expressions.Bind(by, new ExpressionScope(input, null, "aggregate by clause"));
            if (timestamp is not null && timestamp.Type is not AttributeType.Long and not AttributeType.String)
            {
                Error(DiagnosticDescriptors.InvalidAggregationTimestamp, by.Span, by.Name.Text, TypeRules.Describe(timestamp.Type));
            }

            _ok &= timestamp is not null;
        }

        var purgeSpec = durations is null ? null : BindPurge(purge, durations);
        var schemaSpec = _symbols.DefineStoreSchema(_name, schema);
        if (durations is not null)
        {
            _symbols.Aggregations[_name] = new StoreEntry(StoreKind.Aggregation, schemaSpec, durations);
        }

        if (!_ok || inputSpec is null || durations is null || purgeSpec is null)
        {
            return null;
        }

        var operatorName = Identifiers.Unique(Identifiers.Pascal(_name) + "Aggregation", _symbols.UsedMemberNames);
        return new AggregationSpec(
            _name,
            operatorName,
            text,
            schemaSpec,
            inputSpec,
            new EquatableArray<AggregationAttributeSpec>(attributes),
            new EquatableArray<AttributeRefSpec>(groupBy),
            timestamp,
            new EquatableArray<AggregationDuration>(durations),
            purgeSpec,
            store);
    }

    /// <summary>The input must be a stream of the app (Siddhi looks it up among streams only, so not a window).</summary>
    private StreamSpec? ResolveInput(SourceSyntax source)
    {
        var name = source.Name.Text;
        var key = source.IsFault ? "!" + name : source.IsInner ? "#" + name : name;
        if (_symbols.Streams.TryGetValue(key, out var stream))
        {
            if (!stream.IsWindow)
            {
                return stream.Spec;
            }

            Error(DiagnosticDescriptors.NotAStream, source.Span, name, "a window", "an aggregation");
            return null;
        }

        if (_symbols.OtherDefinitions.TryGetValue(name, out var kind))
        {
            Error(DiagnosticDescriptors.NotAStream, source.Span, name, AppSymbols.WithArticle(kind), "an aggregation");
            return null;
        }

        Error(DiagnosticDescriptors.UndefinedStream, source.Name.Span, source.ToString());
        return null;
    }

    /// <summary>Filters and the stream functions <c>#log</c> (before any attribute is added) and <c>#pol2Cart</c> (once).</summary>
    private InputSpec? BindHandlers(StreamSpec input)
    {
        var scope = new ExpressionScope(input, null, "filter");
        var pre = new List<ExpressionSpec>();
        var post = new List<ExpressionSpec>();
        WindowSpec? window = null;
        StreamFunctionSpec? function = null;
        var queries = new QueryBinder(_context, _symbols);
        var ok = true;
        foreach (var handler in _definition.Input.Handlers)
        {
            switch (handler)
            {
                case FilterHandlerSyntax filter:
                    var condition = _expressions.BindCondition(filter.Condition, scope);
                    ok &= condition is not null;
                    if (condition is not null)
                    {
                        (window is null ? pre : post).Add(condition);
                    }

                    break;
                case WindowHandlerSyntax w:
                    // Siddhi reads an aggregation's input as a basic stream: filters and stream functions only.
                    _context.Report(DiagnosticDescriptors.InvalidQuery, w.Span, $"Aggregation '{_name}' reads its input without a window: remove '#window.{w.Function.FullName}'");
                    ok = false;
                    break;
                case StreamFunctionHandlerSyntax { Function: { Namespace: null, Name.Text: "log" } log } when function is null:
                    var logSpec = queries.BindLog(log, scope);
                    ok &= logSpec is not null;
                    if (logSpec is not null)
                    {
                        pre.Add(logSpec);
                    }

                    break;
                case StreamFunctionHandlerSyntax { Function: { Namespace: null, Name.Text: "pol2Cart" } pol2Cart } when function is null:
                    function = queries.BindPol2Cart(pol2Cart, scope);
                    ok &= function is not null;
                    if (function is not null)
                    {
                        scope = new ExpressionScope(function.Extended, null, "filter");
                    }

                    break;
                case StreamFunctionHandlerSyntax { Function: { Namespace: null, Name.Text: "log" or "pol2Cart" } } twice:
                    _context.NotSupported("stream function '#" + twice.Function.FullName + "' after '#pol2Cart' on an aggregation's input", twice.Span);
                    ok = false;
                    break;
                case StreamFunctionHandlerSyntax other:
                    _context.StreamFunctionNotBound(other);
                    ok = false;
                    break;
            }
        }

        _ok &= ok;
        return ok ? new InputSpec(input.Name, new EquatableArray<ExpressionSpec>(pre), window, new EquatableArray<ExpressionSpec>(post), function) : null;
    }

    /// <summary>The aggregation's attributes: <c>AGG_TIMESTAMP</c>, then each selected attribute in order.</summary>
    private List<AttributeSpec>? BindSelection(StreamSpec input, List<AggregationAttributeSpec> attributes, List<AttributeRefSpec> groupBy)
    {
        var scope = new ExpressionScope(input, null, "select clause");
        foreach (var key in _definition.Selector.GroupBy)
        {
            if (_expressions.Bind(key, scope.WithPlace("group by clause")) is AttributeRefSpec reference)
            {
                groupBy.Add(reference);
            }
            else
            {
                _ok = false;
            }
        }

        var properties = new HashSet<string>();
        var schema = new List<AttributeSpec> { new("AGG_TIMESTAMP", AttributeType.Long, Identifiers.Unique("AggTimestamp", properties)) };
        var ok = true;
        foreach (var selected in _definition.Selector.Attributes)
        {
            var outputName = selected.OutputName;
            if (outputName.Length == 0)
            {
                _context.Report(DiagnosticDescriptors.MissingAlias, selected.Span, _symbols.App.GetText(selected.Expression));
                ok = false;
                continue;
            }

            var bound = BindSelected(selected.Expression, scope, groupBy, out var kind, out var aggregator);
            if (bound is null)
            {
                ok = false;
                continue;
            }

            if (schema.Any(a => a.Name == outputName))
            {
                _context.Report(DiagnosticDescriptors.DuplicateAttribute, (selected.Alias ?? (SyntaxNode)selected.Expression).Span, outputName, "aggregation '" + _name + "'");
                ok = false;
                continue;
            }

            var attribute = new AttributeSpec(outputName, bound.Value.Type, Identifiers.Unique(Identifiers.Pascal(outputName), properties));
            schema.Add(attribute);
            attributes.Add(new AggregationAttributeSpec(attribute, kind, aggregator, bound.Value.Expression));
        }

        _ok &= ok;
        return ok ? schema : null;
    }

    private (AttributeType Type, ExpressionSpec? Expression)? BindSelected(ExpressionSyntax expression, ExpressionScope scope, List<AttributeRefSpec> groupBy, out AggregationAttributeKind kind, out string? aggregator)
    {
        aggregator = null;
        if (expression is FunctionCallExpressionSyntax { Namespace: null } call && s_incremental.Contains(call.Name.Text))
        {
            kind = AggregationAttributeKind.Incremental;
            aggregator = call.Name.Text;
            return BindIncremental(call, scope);
        }

        if (expression is FunctionCallExpressionSyntax { Namespace: null } other && BuiltIns.Aggregators.Contains(other.Name.Text))
        {
            kind = AggregationAttributeKind.Incremental;
            _context.Report(DiagnosticDescriptors.NotIncrementalAggregator, other.Span, other.Name.Text, _name);
            return null;
        }

        if (expression is AttributeReferenceExpressionSyntax { Qualifier: null } reference && groupBy.Any(g => g.Name == reference.Name.Text))
        {
            kind = AggregationAttributeKind.GroupBy;
            var key = groupBy.First(g => g.Name == reference.Name.Text);
            return (key.Type, key);
        }

        // Anything else keeps its latest value per bucket (Siddhi parses it as a plain expression over the input).
        kind = AggregationAttributeKind.Latest;
        var latest = _expressions.Bind(expression, new ExpressionScope(scope.Sources, "select clause") { Aggregators = new List<AggregatorSpec>() });
        return latest is null ? null : (latest.Type, latest);
    }

    private (AttributeType Type, ExpressionSpec? Expression)? BindIncremental(FunctionCallExpressionSyntax call, ExpressionScope scope)
    {
        var name = call.Name.Text;
        var expects = name switch
        {
            "count" => "no argument",
            "distinctCount" => "one attribute",
            "sum" or "avg" or "min" or "max" => "one numeric attribute (int, long, float or double)",
            _ => "one attribute",
        };

        if (name == "count" && call.Arguments.Length == 0)
        {
            return (AttributeType.Long, null);
        }

        if (call.Arguments.Length != 1 || (name == "count" && call.Arguments.Length > 1))
        {
            _context.Report(DiagnosticDescriptors.WrongParameters, call.Span, $"Aggregator '{name}' in aggregation '{_name}'", expects);
            return null;
        }

        if (call.Arguments[0] is not AttributeReferenceExpressionSyntax { Qualifier: null or { Index: null, Function: null, IsInner: false, IsFault: false } } argument)
        {
            _context.Report(DiagnosticDescriptors.WrongParameters, call.Span, $"Aggregator '{name}' in aggregation '{_name}'", expects + ", not an expression (compute it in a query that feeds the aggregation)");
            return null;
        }

        var bound = _expressions.Bind(argument, scope.WithPlace("argument of '" + name + "'"));
        if (bound is null)
        {
            return null;
        }

        AttributeType? result = name switch
        {
            "count" or "distinctCount" => AttributeType.Long,
            "sum" when bound.Type is AttributeType.Int or AttributeType.Long => AttributeType.Long,
            "sum" when bound.Type is AttributeType.Float or AttributeType.Double => AttributeType.Double,
            "avg" when TypeRules.IsNumeric(bound.Type) => AttributeType.Double,
            "min" or "max" when TypeRules.IsNumeric(bound.Type) => bound.Type,
            _ => null,
        };

        if (result is null)
        {
            _context.Report(DiagnosticDescriptors.WrongParameters, call.Span, $"Aggregator '{name}' in aggregation '{_name}'", expects + ", not " + TypeRules.Describe(bound.Type));
            return null;
        }

        return (result.Value, bound);
    }

    /// <summary><c>every sec ... year</c> (a range, finer first) or <c>every sec, hour</c> (a list, sorted here).</summary>
    private List<AggregationDuration>? BindDurations()
    {
        var written = _definition.Granularities.Select(g => SiddhiTime.FromUnit(g.Unit)).ToList();
        if (written.Count == 0)
        {
            return null;
        }

        if (_definition.IsRange && written.Count == 2)
        {
            if (written[0] > written[1])
            {
                var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(_definition.Granularities[0].Span.Start, _definition.Granularities[1].Span.End);
                Error(DiagnosticDescriptors.InvalidAggregationDurations, span, _symbols.App.GetText(_definition.Granularities[0]), _symbols.App.GetText(_definition.Granularities[1]));
                return null;
            }

            var filled = new List<AggregationDuration>();
            for (var d = written[0]; d <= written[1]; d++)
            {
                filled.Add(d);
            }

            return filled;
        }

        return written.Distinct().OrderBy(d => d).ToList();
    }

    /// <summary>
    /// <c>@purge(enable='true|false', interval='15 min', @retentionPeriod(sec='120 sec', min='all', ...))</c>, or
    /// Siddhi's defaults without it.
    /// </summary>
    private AggregationPurgeSpec? BindPurge(AnnotationSyntax? purge, List<AggregationDuration> durations)
    {
        var enabled = true;
        var interval = 15 * 60_000L;
        var retention = durations.ToDictionary(d => d, DefaultRetention);
        if (purge is not null)
        {
            if (Element(purge, "enable") is { } enable)
            {
                var value = enable.Value.Value;
                if (!string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
                {
                    Error(DiagnosticDescriptors.InvalidConstant, enable.Value.Span, $"The @purge enable value '{value}'", "'true' or 'false'");
                    return null;
                }

                enabled = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
            }

            if (enabled)
            {
                if (Element(purge, "interval") is { } intervalElement && !SiddhiTime.TryTimeToLong(intervalElement.Value.Value, out interval))
                {
                    Error(DiagnosticDescriptors.InvalidConstant, intervalElement.Value.Span, $"The @purge interval '{intervalElement.Value.Value}'", "a time such as '15 min' (in sec, min, hours, days, months or years)");
                    return null;
                }

                var retentionAnnotation = purge.Annotations.FirstOrDefault(a => string.Equals(a.Name.Text, "retentionPeriod", StringComparison.OrdinalIgnoreCase));
                foreach (var element in retentionAnnotation?.Elements ?? ImmutableArray<AnnotationElementSyntax>.Empty)
                {
                    if (!BindRetention(element, durations, retention))
                    {
                        return null;
                    }
                }
            }
        }

        return new AggregationPurgeSpec(
            enabled,
            interval,
            new EquatableArray<AggregationRetentionSpec>(durations.Select(d => new AggregationRetentionSpec(d, retention[d]))));
    }

    private bool BindRetention(AnnotationElementSyntax element, List<AggregationDuration> durations, Dictionary<AggregationDuration, long?> retention)
    {
        var key = element.Key?.Text ?? string.Empty;
        if (!SiddhiTime.TryNormalizeDuration(key, out var duration))
        {
            Error(DiagnosticDescriptors.InvalidAnnotation, element.Span, $"'{key}' in @retentionPeriod is not a granularity: use sec, min, hours, days, months or years");
            return false;
        }

        if (!durations.Contains(duration))
        {
            Error(DiagnosticDescriptors.RetentionForMissingDuration, element.Span, _name, SiddhiTime.Describe(duration));
            return false;
        }

        var value = element.Value.Value;
        if (string.Equals(value, "all", StringComparison.OrdinalIgnoreCase))
        {
            retention[duration] = null;
            return true;
        }

        if (!SiddhiTime.TryTimeToLong(value, out var milliseconds))
        {
            Error(DiagnosticDescriptors.InvalidConstant, element.Value.Span, $"The {SiddhiTime.Describe(duration)} retention '{value}'", "'all' or a time such as '120 sec' (in sec, min, hours, days, months or years)");
            return false;
        }

        var (minimum, minimumText) = MinimumRetention(duration);
        if (milliseconds < minimum)
        {
            Error(DiagnosticDescriptors.RetentionTooShort, element.Value.Span, SiddhiTime.Describe(duration), value, _name, minimumText);
            return false;
        }

        retention[duration] = milliseconds;
        return true;
    }

    private static long? DefaultRetention(AggregationDuration duration) => duration switch
    {
        AggregationDuration.Seconds => 120_000L,
        AggregationDuration.Minutes => 24 * 3_600_000L,
        AggregationDuration.Hours => 30 * 86_400_000L,
        AggregationDuration.Days => 365 * 86_400_000L,
        _ => null,
    };

    private static (long Milliseconds, string Text) MinimumRetention(AggregationDuration duration) => duration switch
    {
        AggregationDuration.Seconds => (120_000L, "120 sec"),
        AggregationDuration.Minutes => (120 * 60_000L, "120 min"),
        AggregationDuration.Hours => (25 * 3_600_000L, "25 hours"),
        AggregationDuration.Days => (32 * 86_400_000L, "32 days"),
        AggregationDuration.Months => (13 * 30 * 86_400_000L, "13 months"),
        _ => (0L, "0 sec"),
    };

    private static AnnotationElementSyntax? Element(AnnotationSyntax annotation, string key) =>
        annotation.Elements.FirstOrDefault(e => e.Key is not null && string.Equals(e.Key.Text, key, StringComparison.OrdinalIgnoreCase));

    private void Error(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, Microsoft.CodeAnalysis.Text.TextSpan span, params string[] args)
    {
        _context.Report(descriptor, span, args);
        _ok = false;
    }
}
