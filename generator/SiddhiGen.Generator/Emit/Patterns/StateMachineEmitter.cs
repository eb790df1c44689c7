using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SiddhiGen.Generator.Binding;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes a pattern or sequence query that <see cref="PatternPlan"/> has no fused code for (absent elements,
/// <c>every</c> after the first step, counts in sequences or on the last step, ...) as a description of its state
/// elements for the runtime's <c>StateMachine</c>, which runs them with Siddhi's semantics. The generated part is what
/// is specific to the query: each step's condition and the selector, both reading the match through a typed view.
/// </summary>
/// <remarks>
/// A completed match is one output row in a chunk of its own (Siddhi selects each match on its own), stamped with the
/// time of the event or deadline that completed it.
/// </remarks>
internal static class StateMachineEmitter
{
    private const string Runtime = AppEmitter.Runtime;
    private const string Patterns = Runtime + ".Patterns";
    private const string View = "view";

    /// <summary>True when the query runs on the state machine rather than on <see cref="PatternEmitter"/>'s fused code.</summary>
    public static bool Applies(QuerySpec query) =>
        query.State is { } state && PatternPlan.Of(state, query.Selector, query.Rate, out _) is null;

    public static void Emit(SourceWriter w, AppSpec app, QuerySpec query)
    {
        var state = query.State!;
        var output = TableEmitter.OutputOf(app, query);
        var inputs = PatternEmitter.Inputs(query).ToList();
        var streams = inputs.Select((input, index) => (input.Stream, index)).ToDictionary(p => p.Stream, p => p.index);
        var slots = state.Events.ToDictionary(e => e.Position);
        var conditions = new List<(int Slot, IReadOnlyList<ExpressionSpec> Filters)>();
        var root = Node(state.Root, slots, streams, conditions);

        w.WriteComment(query.Text);
        w.OpenBlock($"private sealed class {query.OperatorName} : {Runtime}.IAppComponent");
        w.WriteLine($"private readonly {Runtime}.QueryOutput<{output.EventTypeName}> _output;");
        w.WriteLine($"private readonly {Patterns}.StateMachine _machine;");
        w.WriteLine();
        w.OpenBlock($"public {query.OperatorName}({Runtime}.SiddhiApp app, {Runtime}.QueryOutput<{output.EventTypeName}> output)");
        w.WriteLine("_output = output;");
        w.WriteLine($"var root = {root};");
        var within = state.WithinMilliseconds is { } ms ? AppEmitter.Int(ms) + "L" : "-1L";
        var kind = state.Kind == StateKind.Sequence ? "true" : "false";
        w.WriteLine($"_machine = new {Patterns}.StateMachine(app.Clock, isSequence: {kind}, slots: {AppEmitter.Int(state.Events.Count)}, streams: {AppEmitter.Int(inputs.Count)}, withinMilliseconds: {within}, root, Select);");
        foreach (var (_, receiver) in inputs)
        {
            w.WriteLine($"{receiver} = new {receiver}Side(this);");
        }

        w.CloseBlock();
        foreach (var (stream, receiver) in inputs)
        {
            var spec = app.Streams.First(s => s.Name == stream);
            w.WriteLine();
            w.WriteSummary($"Events of '{stream}'.");
            w.WriteLine($"public {Runtime}.IStreamReceiver<{spec.EventTypeName}> {receiver} {{ get; }}");
        }

        w.WriteLine();
        w.WriteSummary("Partial matches held by the state machine.");
        w.WriteLine("public int PendingMatches => _machine.PendingMatches;");
        w.WriteLine();
        w.WriteSummary("The app started: start steps wait, leading absent steps start their deadlines.");
        w.WriteLine("public void Start() => _machine.Start();");
        w.WriteLine();
        w.WriteLine("public void Stop()");
        w.WriteLine("{");
        w.WriteLine("}");

        foreach (var (slot, filters) in conditions)
        {
            var spec = slots[slot];
            var emitter = Expressions(app, slots, slot);
            w.WriteLine();
            w.WriteSummary($"The condition of {(spec.IsAbsent ? "not " : string.Empty)}{(spec.Alias is null ? string.Empty : spec.Alias + "=")}{spec.StreamName}, its candidate event in the match.");
            w.OpenBlock($"private bool Condition{AppEmitter.Int(slot)}({Patterns}.PatternMatch match)");
            w.WriteLine("var view = new View(match);");
            w.WriteLine($"return {string.Join(" && ", filters.Select(f => ExpressionEmitter.Parenthesize(emitter.Condition(f))))};");
            w.CloseBlock();
        }

        EmitSelect(w, query, output, Expressions(app, slots, current: null));
        EmitView(w, app, state, slots);

        foreach (var (stream, receiver) in inputs)
        {
            var spec = app.Streams.First(s => s.Name == stream);
            w.WriteLine();
            w.WriteSummary($"Each event of '{stream}' goes to the state machine, which offers it to the steps that read '{stream}'.");
            w.OpenBlock($"private sealed class {receiver}Side({query.OperatorName} query) : {Runtime}.IStreamReceiver<{spec.EventTypeName}>");
            w.OpenBlock($"public void Receive(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{spec.EventTypeName}>> chunk)");
            w.OpenBlock("foreach (ref readonly var ev in chunk)");
            w.WriteLine($"query._machine.Receive({AppEmitter.Int(streams[stream])}, ev.Timestamp, ev.Data);");
            w.CloseBlock();
            w.CloseBlock();
            w.CloseBlock();
        }

        w.CloseBlock();
    }

    private static void EmitSelect(SourceWriter w, QuerySpec query, StreamSpec output, ExpressionEmitter e)
    {
        var selector = query.Selector;
        var aggregating = selector.Aggregators.Count > 0 || selector.GroupBy.Count > 0;
        if (aggregating)
        {
            EmitAggregateState(w, selector);
        }

        w.WriteLine();
        w.WriteSummary(aggregating
            ? "A completed match is a chunk of its own: the aggregators take it, and it gives one row."
            : "A completed match: one output row, in a chunk of its own.");
        w.OpenBlock($"private void Select({Patterns}.PatternMatch match)");
        w.WriteLine("var view = new View(match);");
        if (selector.GroupBy.Count > 0)
        {
            var key = "new " + QueryEmitter.GroupKeyType(selector) + "(" + string.Join(", ", selector.GroupBy.Select(g => e.Emit(g))) + ")";
            w.WriteLine($"ref var slot = ref global::System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_groups, {key}, out _);");
            w.WriteLine("var state = slot ??= new AggregateState();");
        }
        else if (aggregating)
        {
            w.WriteLine("var state = _state;");
        }

        foreach (var aggregator in selector.Aggregators)
        {
            w.WriteLine($"state.Aggregator{AppEmitter.Int(aggregator.Index)}.Add({AggregatorEmitter.Argument(aggregator, e)});");
        }

        if (selector.Offset is > 0 || selector.Limit is 0)
        {
            w.WriteLine("// offset/limit over a chunk of one row: nothing passes.");
            w.CloseBlock();
            return;
        }

        w.WriteLine($"var row = new {output.EventTypeName}({string.Join(", ", selector.Projections.Select(p => e.Emit(p.Expression)))});");
        var emit = $"_output.EmitRow(new {Runtime}.StreamEvent<{output.EventTypeName}>(match.Timestamp, row));";
        if (selector.Having is { } having)
        {
            w.OpenBlock($"if ({e.Condition(having)})");
            w.WriteLine(emit);
            w.CloseBlock();
        }
        else
        {
            w.WriteLine(emit);
        }

        w.CloseBlock();
    }

    /// <summary>The aggregators over all matches (or per group): they never forget, as Siddhi's without a window.</summary>
    private static void EmitAggregateState(SourceWriter w, SelectorSpec selector)
    {
        w.WriteLine();
        if (selector.GroupBy.Count > 0)
        {
            w.WriteLine($"private readonly global::System.Collections.Generic.Dictionary<{QueryEmitter.GroupKeyType(selector)}, AggregateState> _groups = new();");
        }
        else
        {
            w.WriteLine("private readonly AggregateState _state = new();");
        }

        w.WriteLine();
        w.WriteSummary(selector.GroupBy.Count > 0 ? "The aggregators of one group." : "The aggregators of the query.");
        w.OpenBlock("private sealed class AggregateState");
        foreach (var aggregator in selector.Aggregators)
        {
            w.WriteLine($"public {AggregatorEmitter.TypeName(aggregator)} Aggregator{AppEmitter.Int(aggregator.Index)} = new();");
        }

        w.CloseBlock();
    }

    /// <summary>The typed view of a match: each slot's last event, or the default (all null) when the slot is empty.</summary>
    private static void EmitView(SourceWriter w, AppSpec app, StateSpec state, Dictionary<int, StateEventSpec> slots)
    {
        w.WriteLine();
        w.WriteSummary("A match seen through the query's event types: each slot's last event, all attributes null while it is empty.");
        w.OpenBlock($"private readonly struct View({Patterns}.PatternMatch match)");
        w.WriteLine($"public {Patterns}.PatternMatch Match => match;");
        foreach (var slot in state.Events)
        {
            var type = TypeOf(app, slot);
            w.WriteLine();
            w.WriteLine($"public {type} {slot.Path} => match.Last({AppEmitter.Int(slot.Position)}) is {type} e ? e : default;");
        }

        w.CloseBlock();
    }

    private static string TypeOf(AppSpec app, StateEventSpec slot) => app.Streams.First(s => s.Name == slot.StreamName).EventTypeName;

    /// <summary>
    /// Reads of the match. Inside a step's own condition, <c>e2[last]</c> is the event before the candidate (Siddhi's
    /// <c>ExpressionParser</c> leaves the current state's last-based index unshifted, and the candidate is already last).
    /// </summary>
    private static ExpressionEmitter Expressions(AppSpec app, Dictionary<int, StateEventSpec> slots, int? current) => new(View, "row", "state")
    {
        CollectedValues = c =>
        {
            var slot = slots[c.Event];
            var attribute = c.PropertyName.Substring(slot.Path.Length + 1);
            return $"global::System.Linq.Enumerable.ToList(global::System.Linq.Enumerable.Select({View}.Match.All({AppEmitter.Int(c.Event)}), d => (object?)(({TypeOf(app, slot)}?)d)?.{attribute}))";
        },
        SlotIsEmpty = position => $"{View}.Match.Last({AppEmitter.Int(position)}) is null",
        CollectedAttribute = r =>
        {
            var slot = slots[r.Event];
            var attribute = r.PropertyName.Substring(slot.Path.Length + 1);
            var index = !r.Index.FromLast ? r.Index.Offset : r.Event == current ? -2 - r.Index.Offset : -1 - r.Index.Offset;
            return $"(({TypeOf(app, slot)}?){View}.Match.At({AppEmitter.Int(r.Event)}, {index.ToString(CultureInfo.InvariantCulture)}))?.{attribute}";
        },
    };

    /// <summary>The C# that builds the runtime's description of a state element.</summary>
    private static string Node(StateElementSpec element, Dictionary<int, StateEventSpec> slots, Dictionary<string, int> streams, List<(int, IReadOnlyList<ExpressionSpec>)> conditions)
    {
        string Condition(int slot, EquatableArray<ExpressionSpec> filters)
        {
            if (filters.Count == 0)
            {
                return "null";
            }

            conditions.Add((slot, filters.ToList()));
            return "Condition" + AppEmitter.Int(slot);
        }

        string Stream(int slot) => AppEmitter.Int(streams[slots[slot].StreamName]);

        switch (element)
        {
            case StreamStateSpec s:
                return $"new {Patterns}.StreamNode({AppEmitter.Int(s.Event)}, {Stream(s.Event)}, {Condition(s.Event, s.Filters)})";
            case AbsentStateSpec a:
                var wait = a.WaitMilliseconds is { } t ? AppEmitter.Int(t) + "L" : "-1L";
                return $"new {Patterns}.AbsentNode({AppEmitter.Int(a.Event)}, {Stream(a.Event)}, {Condition(a.Event, a.Filters)}, {wait})";
            case CountStateSpec c:
                return $"new {Patterns}.CountNode({Node(c.Element, slots, streams, conditions)}, {AppEmitter.Int(c.Min)}, {AppEmitter.Int(c.Max)})";
            case LogicalStateSpec l:
                var isAnd = l.Operator == LogicalStateOperator.And ? "true" : "false";
                return $"new {Patterns}.LogicalNode({Node(l.Left, slots, streams, conditions)}, {isAnd}, {Node(l.Right, slots, streams, conditions)})";
            case EveryStateSpec e:
                return $"new {Patterns}.EveryNode({Node(e.Inner, slots, streams, conditions)})";
            case NextStateSpec n:
                var steps = n.Steps.Select(step => Node(step, slots, streams, conditions)).ToList();
                var chain = steps[steps.Count - 1];
                for (var i = steps.Count - 2; i >= 0; i--)
                {
                    chain = $"new {Patterns}.NextNode({steps[i]}, {chain})";
                }

                return chain;
            default:
                throw new System.InvalidOperationException("Unknown state element " + element.GetType().Name);
        }
    }
}
