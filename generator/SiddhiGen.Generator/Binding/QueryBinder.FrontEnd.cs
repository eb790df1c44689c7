using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// The query forms with no runtime yet, bound fully before they are reported as not supported (SIDDHI001),
/// so that every error inside them is found: patterns and sequences, joins with tables and aggregations,
/// table outputs (insert, delete, update, update or insert), <c>return</c>, and inner (<c>#X</c>) streams.
/// </summary>
internal sealed partial class QueryBinder
{
    private QuerySpec? BindState(QuerySyntax query, StateInputSyntax syntax, string name, string operatorName, string text)
    {
        var binder = new StateBinder(_context, _expressions, ResolveStateSource, BindStateFunction);
        var state = binder.Bind(syntax);
        var selector = binder.Scope is { } scope ? BindSelector(query.Selector, scope) : null;
        var rate = query.OutputRate is null ? null : BindRate(query.OutputRate, query.Output);
        var output = BindOutput(query, name, selector);
        if (state is null || selector is null || output is null || (query.OutputRate is not null && rate is null))
        {
            return null;
        }

        if (PatternPlan.Of(state, selector, rate, out _) is null && StateMachinePlan.Unsupported(state, selector, rate) is { } unsupported)
        {
            // Bound all the same, so that what is inside can be inspected; the app has no code without this part.
            _context.NotSupported(unsupported, syntax.Span);
        }

        var input = new InputSpec(operatorName + ".State", EquatableArray<ExpressionSpec>.Empty, null, EquatableArray<ExpressionSpec>.Empty);
        return new QuerySpec(name, operatorName, text, input, selector, output, rate, State: state);
    }

    /// <summary>
    /// The stream of a pattern element or of a join's stream side: a stream, named window or trigger, an
    /// inner stream of the partition, or a fault stream; a table or aggregation is an error.
    /// </summary>
    private StreamSpec? ResolveStateSource(SourceSyntax source, string construct)
    {
        var name = source.Name.Text;
        if (source.IsInner && !source.IsFault)
        {
            return ResolveInnerStream(source);
        }

        if (source.IsFault)
        {
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
        else if (_symbols.Streams.TryGetValue(name, out var stream))
        {
            return stream.Spec;
        }

        if (_symbols.OtherDefinitions.TryGetValue(name, out var kind))
        {
            _context.Report(DiagnosticDescriptors.NotAStream, source.Span, name, AppSymbols.WithArticle(kind), construct);
            return null;
        }

        if (!_symbols.Unresolved.Contains(name))
        {
            _context.Report(DiagnosticDescriptors.UndefinedStream, source.Name.Span, source.ToString());
        }

        return null;
    }

    /// <summary>A stream function on a pattern element: <c>#log</c> binds; the others have no runtime yet.</summary>
    private ExpressionSpec? BindStateFunction(StreamFunctionHandlerSyntax handler, ExpressionScope scope)
    {
        var function = handler.Function;
        if (function.Namespace is null && function.Name.Text == "log")
        {
            return BindLog(function, scope);
        }

        if (function.Namespace is null && BuiltIns.StreamFunctions.Contains(function.Name.Text))
        {
            _context.NotSupported("stream function '#" + function.FullName + "'", handler.Span);
        }
        else
        {
            _context.Report(DiagnosticDescriptors.UnknownFunction, function.Span, "#" + function.FullName, string.Empty);
        }

        return null;
    }

    /// <summary><c>from #X</c>: an inner stream some earlier query of the same partition inserted into.</summary>
    private StreamSpec? ResolveInnerStream(SourceSyntax source) => _symbols.ResolveInnerStream(_context, source);

    /// <summary><c>insert into #X</c> is only allowed inside a partition.</summary>
    private bool CheckInnerTarget(SourceSyntax target)
    {
        if (_symbols.CurrentPartition is not null)
        {
            return true;
        }

        _context.Report(DiagnosticDescriptors.InnerStreamOutsidePartition, target.Span, target.Name.Text);
        return false;
    }

    private bool IsStoreJoin(JoinInputSyntax join) => StoreKindOf(join.Left) is not null || StoreKindOf(join.Right) is not null;

    private string? StoreKindOf(SingleInputSyntax side) =>
        !side.Source.IsInner && !side.Source.IsFault
        && _symbols.OtherDefinitions.TryGetValue(side.Source.Name.Text, out var kind)
        && kind is "table" or "aggregation"
            ? kind
            : null;

    /// <summary>
    /// <c>from S join T on ...</c> or <c>from S join A on ... within ... per ...</c>: one side is a table or an
    /// aggregation (never both: Siddhi rejects a join of two static sources). The stream side triggers; the
    /// store side is looked up. <c>within</c>/<c>per</c> are required with an aggregation and not allowed otherwise.
    /// </summary>
    private QuerySpec? BindStoreJoin(QuerySyntax query, JoinInputSyntax syntax, string name, string operatorName, string text)
    {
        var leftKind = StoreKindOf(syntax.Left);
        var rightKind = StoreKindOf(syntax.Right);
        if (leftKind is not null && rightKind is not null)
        {
            _context.Report(DiagnosticDescriptors.StaticJoin, syntax.KindSpan, syntax.Left.Source.Name.Text, syntax.Right.Source.Name.Text);
            return null;
        }

        var storeIsLeft = leftKind is not null;
        var storeSide = storeIsLeft ? syntax.Left : syntax.Right;
        var streamSide = storeIsLeft ? syntax.Right : syntax.Left;
        var storeName = storeSide.Source.Name.Text;
        var kind = leftKind ?? rightKind!;
        var storePath = storeIsLeft ? "Left" : "Right";
        var streamPath = storeIsLeft ? "Right" : "Left";

        var store = _symbols.FindStore(storeName);
        var stream = ResolveStateSource(streamSide.Source, "a join");
        if (store is null || stream is null)
        {
            return null;
        }

        var storeReference = storeSide.Alias?.Text ?? storeName;
        var streamReference = streamSide.Alias?.Text ?? stream.Name;
        if (storeReference == streamReference)
        {
            _context.Report(DiagnosticDescriptors.InvalidQuery, syntax.Right.Span, $"Both sides of the join are called '{storeReference}': give them different aliases with 'as'");
            return null;
        }

        var streamSideSpec = BindJoinStreamSide(streamSide, stream, streamPath);
        var storeSideSpec = BindJoinStoreSide(storeSide, store, storeReference, storePath);
        var storeSource = new ScopeSource(store.Schema, storeSide.Alias?.Text, storePath);
        var streamSource = new ScopeSource(stream, streamSide.Alias?.Text, streamPath);
        var scope = new ExpressionScope(storeIsLeft ? new[] { storeSource, streamSource } : new[] { streamSource, storeSource }, "join condition");

        AggregationWithinSpec? within = null;
        var withinOk = true;
        if (store.Kind == StoreKind.Aggregation)
        {
            within = AggregationReads.BindWithin(_context, _expressions, syntax.WithinStart, syntax.WithinEnd, syntax.Per, scope, "A join with", storeName, store.Durations, syntax.Span);
            withinOk = within is not null;
        }
        else if (syntax.WithinStart is not null || syntax.Per is not null)
        {
            _context.Report(DiagnosticDescriptors.InvalidQuery, (syntax.WithinStart ?? syntax.Per)!.Span, "'within' and 'per' apply only to a join with an aggregation");
            withinOk = false;
        }

        ExpressionSpec? on = null;
        var onOk = true;
        if (syntax.On is { } onSyntax)
        {
            on = _expressions.BindCondition(onSyntax, scope);
            onOk = on is not null;
        }

        var selector = BindJoinSelector(query.Selector, scope.WithPlace("select clause"));
        var rate = query.OutputRate is null ? null : BindRate(query.OutputRate, query.Output);
        var output = BindOutput(query, name, selector);
        if (streamSideSpec is null || storeSideSpec is null || !withinOk || !onOk || selector is null || output is null || (query.OutputRate is not null && rate is null))
        {
            return null;
        }

        var joinKind = syntax.Kind switch
        {
            Parsing.JoinKind.LeftOuter => Model.JoinKind.LeftOuter,
            Parsing.JoinKind.RightOuter => Model.JoinKind.RightOuter,
            Parsing.JoinKind.FullOuter => Model.JoinKind.FullOuter,
            _ => Model.JoinKind.Inner,
        };
        var joined = new StreamSpec(
            operatorName + ".Joined",
            "Joined",
            "Joined",
            new EquatableArray<AttributeSpec>(new[] { new AttributeSpec("Left", AttributeType.Object, "Left"), new AttributeSpec("Right", AttributeType.Object, "Right") }),
            IsInferred: true,
            IsQueryTarget: false,
            DefinitionText: null);
        var join = new JoinSpec(joinKind, storeIsLeft ? storeSideSpec : streamSideSpec, storeIsLeft ? streamSideSpec : storeSideSpec, on, joined);
        var input = new InputSpec(joined.Name, EquatableArray<ExpressionSpec>.Empty, null, EquatableArray<ExpressionSpec>.Empty);
        var storeKind = store.Kind == StoreKind.Table ? StoreKind.Table : StoreKind.Aggregation;
        return new QuerySpec(name, operatorName, text, input, selector, output, rate, join, JoinStore: new JoinStoreSpec(storeKind, storeName, storePath, within));
    }

    /// <summary>The stream side of a join with a store: filters, then at most one window (not on a named window).</summary>
    private JoinSideSpec? BindJoinStreamSide(SingleInputSyntax side, StreamSpec stream, string path) =>
        new JoinBinder(_context, _symbols, _expressions).BindSide(side, stream, path, triggers: true);

    /// <summary>The store side of a join: it never triggers; filters read the store's row.</summary>
    private JoinSideSpec? BindJoinStoreSide(SingleInputSyntax side, StoreEntry store, string reference, string path)
    {
        var scope = StoreScope.StoreOnly(_expressions, store, reference, "filter");
        var filters = new List<ExpressionSpec>();
        var ok = true;
        foreach (var handler in side.Handlers)
        {
            if (handler is FilterHandlerSyntax filter)
            {
                var condition = _expressions.BindCondition(filter.Condition, scope);
                ok &= condition is not null;
                if (condition is not null)
                {
                    filters.Add(condition);
                }
            }
            else
            {
                _context.NotSupported((handler is WindowHandlerSyntax ? "window" : "stream function") + " on the " + store.KindName + " side of a join", handler.Span);
                ok = false;
            }
        }

        return ok ? new JoinSideSpec(store.Schema.Name, path, IsNamedWindow: false, new EquatableArray<ExpressionSpec>(filters), null, Triggers: false) : null;
    }

    /// <summary>
    /// <c>delete</c>, <c>update</c>, <c>update or insert</c> (tables only) and <c>return</c>. Conditions and
    /// <c>set</c> values read the output row (unqualified names) and the table row (<c>T.attr</c>).
    /// </summary>
    private OutputSpec? BindStoreOutput(QuerySyntax query, string queryName, SelectorSpec? selector, Model.OutputEventType eventType) =>
        BindStoreOutput(query.Output, queryName, selector, eventType);

    private OutputSpec? BindStoreOutput(OutputActionSyntax action, string queryName, SelectorSpec? selector, Model.OutputEventType eventType)
    {
        switch (action)
        {
            case DeleteSyntax delete:
                var deleteTable = ResolveTableTarget(delete.Target, "'delete'");
                if (deleteTable is null || selector is null)
                {
                    return null;
                }

                ExpressionSpec? deleteOn = null;
                if (delete.On is not null)
                {
                    deleteOn = _expressions.BindCondition(delete.On, OutputScope(selector, deleteTable, delete.Target.Name.Text, "condition of 'delete'", queryName));
                    if (deleteOn is null)
                    {
                        return null;
                    }
                }

                return new OutputSpec(delete.Target.Name.Text, eventType, new DeleteSpec(delete.Target.Name.Text, deleteOn));

            case UpdateSyntax update:
                var updateTable = ResolveTableTarget(update.Target, "'update'");
                if (updateTable is null || selector is null)
                {
                    return null;
                }

                if (update.Set.IsEmpty && !CheckSelectedInTable(selector, updateTable, update.Target, queryName))
                {
                    return null;
                }

                var updateSet = BindSet(update.Set, selector, updateTable, update.Target.Name.Text, queryName);
                var updateOn = _expressions.BindCondition(update.On, OutputScope(selector, updateTable, update.Target.Name.Text, "condition of 'update'", queryName));
                return updateSet is null || updateOn is null ? null : new OutputSpec(update.Target.Name.Text, eventType, new UpdateSpec(update.Target.Name.Text, updateSet.Value, updateOn));

            case UpdateOrInsertSyntax upsert:
                var upsertTable = ResolveTableTarget(upsert.Target, "'update or insert'");
                if (upsertTable is null || selector is null)
                {
                    return null;
                }

                // Siddhi checks the output against the table as for an insert: same attributes, same order.
                if (!CheckTableSchema(selector, upsertTable, upsert.Target, queryName))
                {
                    return null;
                }

                var upsertSet = BindSet(upsert.Set, selector, upsertTable, upsert.Target.Name.Text, queryName);
                var upsertOn = _expressions.BindCondition(upsert.On, OutputScope(selector, upsertTable, upsert.Target.Name.Text, "condition of 'update or insert'", queryName));
                return upsertSet is null || upsertOn is null ? null : new OutputSpec(upsert.Target.Name.Text, eventType, new UpdateOrInsertSpec(upsert.Target.Name.Text, upsertSet.Value, upsertOn));

            default:
                _context.NotSupported("'return' output", action.Span);
                return selector is null ? null : new OutputSpec(string.Empty, eventType, new ReturnSpec());
        }
    }

    /// <summary><c>insert into T</c> where T is not a stream: a table (same schema as the output), else an error.</summary>
    private OutputSpec? BindInsertIntoStore(QuerySyntax query, string queryName, SelectorSpec? selector, Model.OutputEventType eventType, string kind, SourceSyntax target) =>
        BindInsertIntoStore(queryName, selector, eventType, kind, target);

    private OutputSpec? BindInsertIntoStore(string queryName, SelectorSpec? selector, Model.OutputEventType eventType, string kind, SourceSyntax target)
    {
        var name = target.Name.Text;
        if (kind != "table" || !_symbols.Tables.TryGetValue(name, out var table))
        {
            var article = kind is "aggregation" ? "an" : "a";
            _context.Report(DiagnosticDescriptors.InvalidQuery, target.Span, $"'{name}' is {article} {kind}: a query cannot insert into it");
            return null;
        }

        if (selector is null || !CheckTableSchema(selector, table, target, queryName))
        {
            return null;
        }

        return new OutputSpec(name, eventType, new InsertIntoTableSpec(name));
    }

    private StoreEntry? ResolveTableTarget(SourceSyntax target, string action)
    {
        if (!target.IsInner && !target.IsFault && _symbols.Tables.TryGetValue(target.Name.Text, out var table))
        {
            return table;
        }

        _context.Report(DiagnosticDescriptors.NotATable, target.Span, target.ToString(), action);
        return null;
    }

    /// <summary>Siddhi's <c>validateOutputStream</c>: the output must have the table's attributes, types and order.</summary>
    private bool CheckTableSchema(SelectorSpec selector, StoreEntry table, SourceSyntax target, string queryName)
    {
        var selected = selector.Projections.Select(p => p.Attribute).ToList();
        var expected = table.Schema.Attributes;
        if (expected.Count == selected.Count && expected.Zip(selected, (a, b) => a.Name == b.Name && a.Type == b.Type).All(x => x))
        {
            return true;
        }

        _context.Report(DiagnosticDescriptors.TableSchemaMismatch, target.Span, queryName, Describe(selected), table.Schema.Name, Describe(expected));
        return false;
    }

    /// <summary><c>update</c> without <c>set</c>: every selected attribute must be a table attribute of the same type.</summary>
    private bool CheckSelectedInTable(SelectorSpec selector, StoreEntry table, SourceSyntax target, string queryName)
    {
        foreach (var projection in selector.Projections)
        {
            var attribute = projection.Attribute;
            if (!table.Schema.Attributes.Any(a => a.Name == attribute.Name && a.Type == attribute.Type))
            {
                _context.Report(DiagnosticDescriptors.NotATableAttribute, target.Span, queryName, attribute.Name + " " + TypeRules.Describe(attribute.Type), table.Schema.Name);
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A <c>set</c> clause (each target a table attribute; values read the output row and the table row), or
    /// without one, every output attribute assigned to the table attribute of the same name.
    /// </summary>
    private EquatableArray<SetAssignmentSpec>? BindSet(IReadOnlyList<SetAssignmentSyntax> set, SelectorSpec selector, StoreEntry table, string reference, string queryName)
    {
        var assignments = new List<SetAssignmentSpec>();
        if (set.Count == 0)
        {
            foreach (var projection in selector.Projections)
            {
                var column = table.Schema.Attributes.FirstOrDefault(a => a.Name == projection.Attribute.Name);
                if (column is not null)
                {
                    var value = new AttributeRefSpec(projection.Attribute.Type, projection.Attribute.Name, projection.Attribute.PropertyName, RowSource.Output);
                    assignments.Add(new SetAssignmentSpec(column, value));
                }
            }

            return new EquatableArray<SetAssignmentSpec>(assignments);
        }

        var ok = true;
        var scope = OutputScope(selector, table, reference, "set clause", queryName);
        foreach (var assignment in set)
        {
            var column = table.Schema.Attributes.FirstOrDefault(a => a.Name == assignment.Target.Name.Text);
            if (column is null)
            {
                _context.Report(DiagnosticDescriptors.UndefinedAttribute, assignment.Target.Name.Span, assignment.Target.Name.Text, "table '" + table.Schema.Name + "'");
                ok = false;
                continue;
            }

            var bound = _expressions.Bind(assignment.Value, scope);
            if (bound is null)
            {
                ok = false;
                continue;
            }

            assignments.Add(new SetAssignmentSpec(column, bound));
        }

        return ok ? new EquatableArray<SetAssignmentSpec>(assignments) : null;
    }

    private ExpressionScope OutputScope(SelectorSpec selector, StoreEntry table, string reference, string place, string queryName) =>
        StoreScope.OverOutput(_expressions, selector.Projections.ToList(), table, reference, place, "the output of query '" + queryName + "'");
}
