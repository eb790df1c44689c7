using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Binds one query: its input stream and handlers, selector and output. Reports every problem it
/// finds; returns null when the query cannot become an operator.
/// </summary>
internal sealed partial class QueryBinder
{
    private readonly BindingContext _context;
    private readonly AppSymbols _symbols;
    private readonly ExpressionBinder _expressions;

    /// <summary>True while the selector of a join or an on-demand find is bound: it may order by input attributes.</summary>
    private bool _orderByInputs;

    public QueryBinder(BindingContext context, AppSymbols symbols)
    {
        _context = context;
        _symbols = symbols;
        _expressions = new ExpressionBinder(context) { Symbols = symbols };
    }

    public QuerySpec? Bind(QuerySyntax query, string name, string operatorName, string text)
    {
        if (query.Input is JoinInputSyntax joinSyntax)
        {
            return IsStoreJoin(joinSyntax)
                ? BindStoreJoin(query, joinSyntax, name, operatorName, text)
                : BindJoin(query, joinSyntax, name, operatorName, text);
        }

        if (query.Input is StateInputSyntax stateSyntax)
        {
            return BindState(query, stateSyntax, name, operatorName, text);
        }

        if (query.Input is not SingleInputSyntax single)
        {
            var construct = query.Input switch
            {
                StateInputSyntax state => state.Kind.ToString().ToLowerInvariant() + " query",
                _ => "anonymous (nested) input stream",
            };
            _context.NotSupported(construct, query.Input.Span);
            return null;
        }

        var input = BindSource(single.Source);
        if (input is not null && _symbols.Streams[input.Name].IsWindow && single.Window is { } extraWindow)
        {
            _context.Report(DiagnosticDescriptors.InvalidQuery, extraWindow.Span, $"'{input.Name}' is a window: a query reading it cannot add another window");
            input = null;
        }

        var inputSpec = input is null ? null : BindHandlers(single, input);
        if (inputSpec?.Function is { } function)
        {
            // After a stream function the query reads the extended event.
            input = function.Extended;
        }

        // A stream function that was not bound may have added attributes: the selector cannot be checked.
        var selector = inputSpec is null && single.Handlers.Any(h => h is StreamFunctionHandlerSyntax)
            ? null
            : input is null ? null : BindSelector(query.Selector, new ExpressionScope(input, single.Alias?.Text, "select clause"));

        var rate = query.OutputRate is null ? null : BindRate(query.OutputRate, query.Output);
        var output = BindOutput(query, name, selector);
        if (inputSpec is null || selector is null || output is null || (query.OutputRate is not null && rate is null))
        {
            return null;
        }

        if (!RateLimitSupported(rate, selector!, query.OutputRate))
        {
            return null;
        }

        if (rate?.Kind == RateLimitKind.Snapshot && query.Output.EventType is null)
        {
            // A snapshot outputs all events unless the query says otherwise (and it may not say otherwise).
            output = output with { EventType = Model.OutputEventType.All };
        }

        return new QuerySpec(name, operatorName, text, inputSpec, selector, output, rate);
    }

    private QuerySpec? BindJoin(QuerySyntax query, JoinInputSyntax syntax, string name, string operatorName, string text)
    {
        var binder = new JoinBinder(_context, _symbols, _expressions);
        var join = binder.Bind(syntax, operatorName);
        var selector = binder.Scope is { } scope ? BindJoinSelector(query.Selector, scope.WithPlace("select clause")) : null;
        var rate = query.OutputRate is null ? null : BindRate(query.OutputRate, query.Output);
        var output = BindOutput(query, name, selector);
        if (join is null || selector is null || output is null || (query.OutputRate is not null && rate is null))
        {
            return null;
        }

        if (!RateLimitSupported(rate, selector, query.OutputRate))
        {
            return null;
        }

        var input = new InputSpec(join.Joined.Name, EquatableArray<ExpressionSpec>.Empty, null, EquatableArray<ExpressionSpec>.Empty);
        return new QuerySpec(name, operatorName, text, input, selector, output, rate, join);
    }

    /// <summary>Reports the rate limits the generator cannot emit yet; true when the query can go on.</summary>
    private bool RateLimitSupported(OutputRateSpec? rate, SelectorSpec selector, OutputRateSyntax? syntax)
    {
        if (rate is null)
        {
            return true;
        }

        var keyed = rate.Kind is RateLimitKind.First or RateLimitKind.Last or RateLimitKind.Snapshot && selector.GroupBy.Count > 0;
        if (keyed && !selector.GroupBy.All(key => selector.Projections.Any(p => p.Expression is AttributeRefSpec a && a.PropertyName == key.PropertyName)))
        {
            _context.NotSupported("output rate limit per group where a group-by attribute is not selected", syntax!.Span);
            return false;
        }

        return true;
    }

    private OutputRateSpec? BindRate(OutputRateSyntax syntax, OutputActionSyntax output)
    {
        switch (syntax)
        {
            case EventCountOutputRateSyntax events:
                if (events.Count <= 0)
                {
                    _context.Report(DiagnosticDescriptors.InvalidConstant, syntax.Span, "The number of events of an output rate", "a positive int");
                    return null;
                }

                return new OutputRateSpec(Kind(events.Type), IsTimeBased: false, events.Count);

            case TimeOutputRateSyntax { Interval.Milliseconds: <= 0 }:
            case SnapshotOutputRateSyntax { Interval.Milliseconds: <= 0 }:
                _context.Report(DiagnosticDescriptors.InvalidConstant, syntax.Span, "The period of an output rate", "a positive time");
                return null;

            case TimeOutputRateSyntax time:
                return new OutputRateSpec(Kind(time.Type), IsTimeBased: true, time.Interval.Milliseconds);

            case SnapshotOutputRateSyntax snapshot:
                if (output.EventType is not null and not Parsing.OutputEventType.All)
                {
                    _context.Report(DiagnosticDescriptors.InvalidQuery, output.Span, "A query with 'output snapshot' must output all events");
                    return null;
                }

                return new OutputRateSpec(RateLimitKind.Snapshot, IsTimeBased: true, snapshot.Interval.Milliseconds);

            default:
                return null;
        }

        static RateLimitKind Kind(OutputRateType type) => type switch
        {
            OutputRateType.First => RateLimitKind.First,
            OutputRateType.Last => RateLimitKind.Last,
            _ => RateLimitKind.All,
        };
    }

    /// <summary>
    /// <c>#log()</c>, <c>#log(message)</c>, <c>#log(logEvent)</c>, <c>#log(message, logEvent)</c>,
    /// <c>#log(priority, message)</c> or <c>#log(priority, message, logEvent)</c>.
    /// </summary>
    internal LogSpec? BindLog(FunctionCallExpressionSyntax call, ExpressionScope scope)
    {
        var args = new List<ExpressionSpec>();
        foreach (var argument in call.Arguments)
        {
            var bound = _expressions.Bind(argument, scope);
            if (bound is null)
            {
                return null;
            }

            args.Add(bound);
        }

        var types = string.Join(",", args.Select(a => a.Type));
        LogSpec? spec = types switch
        {
            "" => new LogSpec(null, null, true),
            "String" => new LogSpec(null, args[0], true),
            "Bool" when args[0] is ConstantSpec c => new LogSpec(null, null, c.Value == "true"),
            "String,Bool" when args[1] is ConstantSpec c => new LogSpec(null, args[0], c.Value == "true"),
            "String,String" => new LogSpec(args[0], args[1], true),
            "String,String,Bool" when args[2] is ConstantSpec c => new LogSpec(args[0], args[1], c.Value == "true"),
            _ => null,
        };

        if (spec is null)
        {
            _context.Report(
                DiagnosticDescriptors.WrongParameters,
                call.Span,
                "Stream function '#log'",
                "(), (message), (log.event), (message, log.event), (priority, message) or (priority, message, log.event), with string priority and message and a constant bool log.event");
            return null;
        }

        if (spec.Priority is ConstantSpec priority && !IsLogPriority(priority.Value))
        {
            _context.Report(DiagnosticDescriptors.InvalidConstant, call.Arguments[0].Span, "The log priority '" + priority.Value + "'", "one of INFO, DEBUG, WARN, FATAL, ERROR, OFF or TRACE");
            return null;
        }

        return spec;
    }

    /// <summary>
    /// <c>#pol2Cart(theta, rho [, z])</c>: adds x and y (and z) as doubles, theta in degrees. Siddhi rejects it on a
    /// stream that already has an x or y attribute.
    /// </summary>
    internal StreamFunctionSpec? BindPol2Cart(FunctionCallExpressionSyntax call, ExpressionScope scope)
    {
        var args = new List<ExpressionSpec>();
        if (call.IsStar)
        {
            args.AddRange(scope.Input.Attributes.Select(a => ExpressionScope.Reference(scope.Sources[0], a)));
        }

        foreach (var argument in call.Arguments)
        {
            var bound = _expressions.Bind(argument, scope);
            if (bound is null)
            {
                return null;
            }

            args.Add(bound);
        }

        if (args.Count is not (2 or 3) || !args.All(a => TypeRules.IsNumeric(a.Type)))
        {
            _context.Report(DiagnosticDescriptors.WrongParameters, call.Span, "Stream function '#pol2Cart'", "two or three numeric arguments: theta (degrees), rho and optionally z");
            return null;
        }

        var added = args.Count == 3 ? new[] { "x", "y", "z" } : new[] { "x", "y" };
        var input = scope.Input;
        if (input.Attributes.FirstOrDefault(a => added.Contains(a.Name)) is { } clash)
        {
            _context.Report(DiagnosticDescriptors.InvalidQuery, call.Span, $"'#pol2Cart' adds attribute '{clash.Name}', which stream '{input.Name}' already has");
            return null;
        }

        var properties = new HashSet<string>(input.Attributes.Select(a => a.PropertyName)) { "Schema", "FromRow", "ToRow", "Extended" };
        var attributes = input.Attributes.Concat(added.Select(name => new AttributeSpec(name, AttributeType.Double, Identifiers.Unique(Identifiers.Pascal(name), properties))));
        var extended = new StreamSpec(input.Name + "#pol2Cart", "Extended", "Extended", new EquatableArray<AttributeSpec>(attributes), IsInferred: true, IsQueryTarget: false, DefinitionText: null);
        return new StreamFunctionSpec("pol2Cart", new EquatableArray<ExpressionSpec>(args), extended);
    }

    private static bool IsLogPriority(string value) =>
        value.ToUpperInvariant() is "INFO" or "DEBUG" or "WARN" or "FATAL" or "ERROR" or "OFF" or "TRACE";

    private StreamSpec? BindSource(SourceSyntax source)
    {
        var name = source.Name.Text;
        if (source.IsInner && !source.IsFault)
        {
            return ResolveInnerStream(source);
        }

        if (source.IsFault && !source.IsInner)
        {
            // The fault stream !S exists when S has @OnError(action='STREAM') or a sink with on.error='STREAM'.
            if (_symbols.Streams.TryGetValue("!" + name, out var fault))
            {
                return fault.Spec;
            }

            if (_symbols.Streams.ContainsKey(name))
            {
                _context.Report(DiagnosticDescriptors.UndefinedFaultStream, source.Span, name);
                return null;
            }
        }

        if (source.IsInner || source.IsFault)
        {
            _context.NotSupported((source.IsInner ? "inner stream '#" : "fault stream '!") + name + "'", source.Span);
            return null;
        }

        if (_symbols.Streams.TryGetValue(name, out var stream))
        {
            return stream.Spec;
        }

        if (_symbols.OtherDefinitions.TryGetValue(name, out var kind))
        {
            if (kind is "table" or "aggregation")
            {
                _context.Report(DiagnosticDescriptors.InvalidQuery, source.Span, $"A {kind} ('{name}') cannot be the only input of a query: join it with a stream or use an on-demand query");
            }
            else
            {
                _context.NotSupported($"query from {kind} '{name}'", source.Span);
            }

            return null;
        }

        if (!_symbols.Unresolved.Contains(name))
        {
            _context.Report(DiagnosticDescriptors.UndefinedStream, source.Name.Span, name);
        }

        return null;
    }

    private InputSpec? BindHandlers(SingleInputSyntax single, StreamSpec input)
    {
        var scope = new ExpressionScope(input, single.Alias?.Text, "filter");
        var ok = true;
        var pre = new List<ExpressionSpec>();
        var post = new List<ExpressionSpec>();
        WindowSpec? window = null;
        StreamFunctionSpec? streamFunction = null;
        var seenWindow = false;
        foreach (var handler in single.Handlers)
        {
            switch (handler)
            {
                case FilterHandlerSyntax filter:
                    var condition = _expressions.BindCondition(filter.Condition, scope);
                    if (condition is null)
                    {
                        ok = false;
                    }
                    else
                    {
                        (seenWindow ? post : pre).Add(condition);
                    }

                    break;

                case WindowHandlerSyntax w:
                    seenWindow = true;
                    window = new WindowBinder(_context, _expressions).Bind(w.Function, scope);
                    ok &= window is not null;
                    break;

                case StreamFunctionHandlerSyntax { Function: { Namespace: null, Name.Text: "log" } log }:
                    var logSpec = BindLog(log, scope);
                    if (logSpec is null)
                    {
                        ok = false;
                    }
                    else
                    {
                        (seenWindow ? post : pre).Add(logSpec);
                    }

                    break;

                case StreamFunctionHandlerSyntax { Function: { Namespace: null, Name.Text: "pol2Cart" } pol2Cart } when streamFunction is null && !seenWindow:
                    streamFunction = BindPol2Cart(pol2Cart, scope);
                    ok &= streamFunction is not null;
                    if (streamFunction is not null)
                    {
                        scope = new ExpressionScope(streamFunction.Extended, single.Alias?.Text, "filter");
                    }

                    break;

                case StreamFunctionHandlerSyntax function:
                    _context.StreamFunctionNotBound(function);
                    ok = false;
                    break;
            }
        }

        return ok ? new InputSpec(input.Name, new EquatableArray<ExpressionSpec>(pre), window, new EquatableArray<ExpressionSpec>(post), streamFunction) : null;
    }

    /// <summary>
    /// The selector of a join or of an on-demand find, which may order by an attribute of its input that it does not
    /// select (Siddhi falls back to the input: <c>order by AGG_TIMESTAMP</c>).
    /// </summary>
    private SelectorSpec? BindJoinSelector(SelectorSyntax? syntax, ExpressionScope inputScope)
    {
        _orderByInputs = true;
        try
        {
            return BindSelector(syntax, inputScope);
        }
        finally
        {
            _orderByInputs = false;
        }
    }

    /// <summary>
    /// <c>order by</c> with an input attribute the query does not select: every item orders the input rows before
    /// they are selected, an output attribute by the expression it selects (which must not aggregate).
    /// </summary>
    private bool BindInputOrder(SelectorSyntax syntax, ExpressionScope inputScope, List<ProjectionSpec> projections, List<InputOrderBySpec> inputOrderBy)
    {
        var ok = true;
        foreach (var item in syntax.OrderBy)
        {
            var projection = item.Attribute.Qualifier is null ? projections.FirstOrDefault(p => p.Attribute.Name == item.Attribute.Name.Text) : null;
            if (projection is not null && SpecWalker.Descendants(projection.Expression).Any(e => e is AggregateRefSpec))
            {
                _context.NotSupported("order by an aggregated attribute together with an input attribute", item.Attribute.Span);
                ok = false;
                continue;
            }

            var key = projection?.Expression ?? _expressions.Bind(item.Attribute, inputScope.WithPlace("order by clause"));
            if (key is null)
            {
                ok = false;
                continue;
            }

            inputOrderBy.Add(new InputOrderBySpec(key, item.IsDescending));
        }

        return ok;
    }

    private SelectorSpec? BindSelector(SelectorSyntax? syntax, ExpressionScope inputScope)
    {
        var inputOrderBy = new List<InputOrderBySpec>();
        var aggregators = new List<AggregatorSpec>();
        var projections = new List<ProjectionSpec>();
        var ok = true;
        var usedProperties = new HashSet<string>();

        if (syntax is null || syntax.IsSelectAll)
        {
            var selected = new HashSet<string>();
            foreach (var source in inputScope.Sources)
            {
                foreach (var attribute in source.Stream.Attributes)
                {
                    if (!selected.Add(attribute.Name))
                    {
                        _context.Report(DiagnosticDescriptors.DuplicateAttribute, syntax?.Span ?? default, attribute.Name, "'select *' over the joined streams");
                        ok = false;
                        continue;
                    }

                    var property = Identifiers.Unique(attribute.PropertyName, usedProperties);
                    projections.Add(new ProjectionSpec(attribute with { PropertyName = property }, ExpressionScope.Reference(source, attribute)));
                }
            }
        }
        else
        {
            var scope = new ExpressionScope(inputScope.Sources, "select clause") { Aggregators = aggregators, Extension = inputScope.Extension };
            var names = new HashSet<string>();
            foreach (var attribute in syntax.Attributes)
            {
                var bound = _expressions.Bind(attribute.Expression, scope);
                var name = attribute.OutputName;
                if (name.Length == 0)
                {
                    _context.Report(DiagnosticDescriptors.MissingAlias, attribute.Span, _context.TextOf(attribute.Expression.Span));
                    ok = false;
                    continue;
                }

                if (!names.Add(name))
                {
                    _context.Report(DiagnosticDescriptors.DuplicateAttribute, (attribute.Alias ?? (SyntaxNode)attribute.Expression).Span, name, "the select clause");
                    ok = false;
                    continue;
                }

                if (bound is null)
                {
                    ok = false;
                    continue;
                }

                var property = Identifiers.Unique(Identifiers.Pascal(name), usedProperties);
                projections.Add(new ProjectionSpec(new AttributeSpec(name, bound.Type, property), bound));
            }
        }

        var groupBy = new List<AttributeRefSpec>();
        ExpressionSpec? having = null;
        var orderBy = new List<OrderBySpec>();
        long? limit = null, offset = null;
        if (syntax is not null)
        {
            var groupScope = inputScope.WithPlace("group by clause");
            foreach (var key in syntax.GroupBy)
            {
                if (_expressions.Bind(key, groupScope) is AttributeRefSpec reference)
                {
                    groupBy.Add(reference);
                }
                else
                {
                    ok = false;
                }
            }

            if (syntax.Having is { } havingSyntax)
            {
                var havingScope = new ExpressionScope(inputScope.Sources, "having clause") { Output = projections, Aggregators = aggregators, Extension = inputScope.Extension };
                having = _expressions.BindCondition(havingSyntax, havingScope);
                ok &= having is not null;
            }

            if (_orderByInputs && syntax.OrderBy.Any(item => item.Attribute.Qualifier is not null || projections.All(p => p.Attribute.Name != item.Attribute.Name.Text)))
            {
                ok &= BindInputOrder(syntax, inputScope, projections, inputOrderBy);
            }
            else
            {
                foreach (var item in syntax.OrderBy)
                {
                    var projection = projections.FirstOrDefault(p => p.Attribute.Name == item.Attribute.Name.Text);
                    if ((projection is null || item.Attribute.Qualifier is not null) && inputScope.Sources.Count > 1)
                    {
                        // Over a pattern, Siddhi falls back to the pattern's events.
                        if (_expressions.Bind(item.Attribute, inputScope.WithPlace("order by clause")) is not null)
                        {
                            _context.NotSupported("order by an input attribute of a pattern", item.Attribute.Span);
                        }

                        ok = false;
                        continue;
                    }

                    if (projection is null || item.Attribute.Qualifier is not null)
                    {
                        _context.Report(DiagnosticDescriptors.NotAnOutputAttribute, item.Attribute.Span, item.Attribute.Name.Text, "order by");
                        ok = false;
                        continue;
                    }

                    orderBy.Add(new OrderBySpec(projection.Attribute, item.IsDescending));
                }
            }

            limit = BindCount(syntax.Limit, "limit", ref ok);
            offset = BindCount(syntax.Offset, "offset", ref ok);
        }

        return ok
            ? new SelectorSpec(
                new EquatableArray<ProjectionSpec>(projections),
                new EquatableArray<AggregatorSpec>(aggregators),
                new EquatableArray<AttributeRefSpec>(groupBy),
                having,
                new EquatableArray<OrderBySpec>(orderBy),
                limit,
                offset,
                new EquatableArray<InputOrderBySpec>(inputOrderBy))
            : null;
    }

    private long? BindCount(ExpressionSyntax? syntax, string clause, ref bool ok)
    {
        if (syntax is null)
        {
            return null;
        }

        if (syntax is LiteralExpressionSyntax { Kind: LiteralKind.Int or LiteralKind.Long } literal)
        {
            var value = System.Convert.ToInt64(literal.Value, CultureInfo.InvariantCulture);
            if (value >= 0)
            {
                return value;
            }
        }

        _context.Report(DiagnosticDescriptors.InvalidConstant, syntax.Span, "The " + clause + " value", "a non-negative int or long constant");
        ok = false;
        return null;
    }

    private OutputSpec? BindOutput(QuerySyntax query, string queryName, SelectorSpec? selector)
    {
        var eventType = query.Output.EventType switch
        {
            Parsing.OutputEventType.Expired => Model.OutputEventType.Expired,
            Parsing.OutputEventType.All => Model.OutputEventType.All,
            _ => Model.OutputEventType.Current,
        };

        if (query.Output is not InsertIntoSyntax insert)
        {
            return BindStoreOutput(query, queryName, selector, eventType);
        }

        var target = insert.Target;
        var name = target.Name.Text;
        if (target.IsFault && !target.IsInner && _symbols.Streams.ContainsKey("!" + name))
        {
            name = "!" + name;
        }
        else if (target.IsFault && !target.IsInner && _symbols.Streams.ContainsKey(name))
        {
            _context.Report(DiagnosticDescriptors.UndefinedFaultStream, target.Span, name);
            return null;
        }
        else if (target.IsInner && !target.IsFault)
        {
            if (!CheckInnerTarget(target))
            {
                return null;
            }

            name = "#" + name;
        }
        else if (target.IsInner || target.IsFault)
        {
            _context.NotSupported((target.IsInner ? "insert into inner stream '#" : "insert into fault stream '!") + name + "'", target.Span);
            return null;
        }

        if (_symbols.OtherDefinitions.TryGetValue(name, out var kind))
        {
            return BindInsertIntoStore(query, queryName, selector, eventType, kind, target);
        }

        if (selector is null)
        {
            return null;
        }

        var selected = selector.Projections.Select(p => p.Attribute).ToList();
        if (_symbols.Streams.TryGetValue(name, out var existing))
        {
            var expected = existing.Spec.Attributes;
            var matches = expected.Count == selected.Count
                && expected.Zip(selected, (a, b) => a.Name == b.Name && a.Type == b.Type).All(x => x);
            if (!matches)
            {
                _context.Report(
                    DiagnosticDescriptors.OutputSchemaMismatch,
                    target.Span,
                    queryName,
                    Describe(selected),
                    name,
                    Describe(expected));
                return null;
            }

            existing.IsQueryTarget = true;
        }
        else
        {
            _symbols.InferStream(name, selected);
        }

        return new OutputSpec(name, eventType);
    }

    private static string Describe(IEnumerable<AttributeSpec> attributes) =>
        string.Join(", ", attributes.Select(a => a.Name + " " + TypeRules.Describe(a.Type)));
}
