using System.Linq;
using SiddhiGen.Generator.Emit.Persistence;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Planning;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes the operator of one single-stream query: a sealed class whose <c>Receive</c> runs the
/// filters, the window and the selector over each chunk in straight-line code. The selector follows
/// Siddhi's chunk semantics: without aggregation every qualifying row is output; with aggregation one
/// row per chunk (per group key with <c>group by</c>), then order by, offset and limit per chunk.
/// </summary>
internal static class QueryEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    public static void Emit(SourceWriter w, AppSpec app, QuerySpec query)
    {
        if (query.State is not null)
        {
            // A pattern: the state machine of its steps, fused where PatternPlan knows the shape.
            if (StateMachineEmitter.Applies(query))
            {
                StateMachineEmitter.Emit(w, app, query);
            }
            else
            {
                PatternEmitter.Emit(w, app, query);
            }

            return;
        }

        if (QueryPlanner.ShapeOf(query) == OperatorShape.FusedSlidingAggregation)
        {
            // length/time window under aggregators, current events out: one fused pass per event.
            SlidingAggregationEmitter.Emit(w, app, query);
            return;
        }

        var join = query.Join;
        var function = query.Input.Function;
        var input = join?.Joined ?? function?.Extended ?? app.Streams.First(s => s.Name == query.Input.StreamName);
        var output = TableEmitter.OutputOf(app, query);
        var inEvent = input.EventTypeName;
        var outEvent = output.EventTypeName;
        var selector = query.Selector;
        var window = query.Input.Window;
        var aggregating = selector.Aggregators.Count > 0 || selector.GroupBy.Count > 0;

        var windowCode = window is null ? null : WindowEmitter.Build(window, input, query.Output.EventType != OutputEventType.Current);
        var limiter = query.Rate is null ? null : RateLimitEmitter.Build(query, output);
        var windowTimers = windowCode?.UsesTimers == true;
        var usesTimers = windowTimers || limiter?.UsesTimers == true;
        w.WriteComment(query.Text);
        var contracts = new System.Collections.Generic.List<string>();
        if (join is null)
        {
            var received = function is null ? inEvent : app.Streams.First(s => s.Name == query.Input.StreamName).EventTypeName;
            var perEvent = !aggregating && QueryPlanner.ReceivesSingleEvents(query);
            contracts.Add($"{Runtime}.{(perEvent ? "IEventReceiver" : "IStreamReceiver")}<{received}>");
        }

        if (usesTimers && (join is null || limiter?.UsesTimers == true))
        {
            contracts.Add($"{Runtime}.ITimerTarget");
        }

        if (limiter is not null)
        {
            contracts.Add($"{Runtime}.IAppComponent");
        }

        contracts.Add(StateEmitter.StatefulOperator);

        var interfaces = contracts.Count == 0 ? string.Empty : " : " + string.Join(", ", contracts);
        w.OpenBlock($"private sealed class {query.OperatorName}{interfaces}");

        w.WriteLine($"private readonly {Runtime}.QueryOutput<{outEvent}> _output;");
        TableEmitter.EmitOperatorFields(w, app, query);
        AggregationJoinEmitter.EmitOperatorFields(w, app, query);
        if (UsesClock(query))
        {
            w.WriteLine($"private readonly {Runtime}.AppClock _clock;");
        }

        if (UsesLog(query))
        {
            w.WriteLine($"private readonly {Runtime}.StreamLogger _log;");
        }

        w.WriteLine($"private readonly {Runtime}.EventBuffer<{outEvent}> _selected = new();");
        if (!aggregating && QueryPlanner.SelectsWithoutBranches(query))
        {
            w.WriteLine("private int[] _passing = [];");
        }
        if (limiter is not null)
        {
            w.WriteLine($"private readonly {limiter.TypeName} _limiter;");
        }

        if (window is not null)
        {
            w.WriteLine($"private readonly {windowCode!.TypeName} _window;");
            w.WriteLine($"private readonly {Runtime}.WindowOutput<{inEvent}> _windowOutput = new();");
            if (query.Input.PreWindowFilters.Count > 0)
            {
                w.WriteLine($"private readonly {Runtime}.EventBuffer<{inEvent}> _filtered = new();");
            }
        }

        if (join is not null)
        {
            JoinEmitter.EmitFields(w, app, query);
        }

        if (function is not null)
        {
            w.WriteLine($"private readonly {Runtime}.EventBuffer<Extended> _extended = new();");
        }

        if (selector.GroupBy.Count > 0)
        {
            var keyType = GroupKeyType(selector);
            w.WriteLine($"private readonly global::System.Collections.Generic.Dictionary<{keyType}, AggregateState> _groups = new();");
            w.WriteLine("private readonly global::System.Collections.Generic.List<AggregateState> _groupsInChunk = new();");
        }
        else if (selector.Aggregators.Count > 0)
        {
            w.WriteLine("private readonly AggregateState _state = new();");
        }

        w.WriteLine();
        var extraParameters = join is null ? string.Empty : JoinEmitter.ConstructorParameters(app, query);
        w.OpenBlock($"public {query.OperatorName}({Runtime}.SiddhiApp app, {Runtime}.QueryOutput<{outEvent}> output{extraParameters})");
        w.WriteLine("_output = output;");
        TableEmitter.EmitOperatorConstruction(w, app, query);
        AggregationJoinEmitter.EmitOperatorConstruction(w, app, query);
        if (join is not null)
        {
            JoinEmitter.EmitConstruction(w, app, query);
        }

        if (limiter is not null)
        {
            w.WriteLine($"_limiter = new({limiter.Construction});");
        }

        if (UsesClock(query))
        {
            w.WriteLine("_clock = app.Clock;");
        }

        if (UsesLog(query))
        {
            w.WriteLine($"_log = new {Runtime}.StreamLogger(app);");
        }

        if (window is not null)
        {
            w.WriteLine($"_window = new({windowCode!.Construction});");
        }

        w.CloseBlock();
        w.WriteLine();

        if (join is null)
        {
            if (function is not null)
            {
                StreamFunctionEmitter.EmitReceive(w, app, query);
            }

            EmitReceive(w, query, inEvent, function is null ? "public void Receive" : "private void ReceiveExtended");
        }
        else
        {
            JoinEmitter.EmitTriggers(w, app, query);
        }

        if (usesTimers && (join is null || limiter?.UsesTimers == true))
        {
            w.WriteLine();
            w.OpenBlock("public void OnTimer(long dueTime)");
            if (windowTimers && join is null)
            {
                w.WriteLine("_windowOutput.Clear();");
                w.WriteLine("_window.OnTimer(dueTime, _windowOutput);");
                w.WriteLine("SelectEachChunk();");
            }

            if (limiter?.UsesTimers == true)
            {
                // Each timer call reaches the window and the limiter; each ignores due times it did not ask for.
                w.WriteLine("_limiter.OnTimer(dueTime);");
            }

            w.CloseBlock();
        }

        if (limiter is not null)
        {
            w.WriteLine();
            w.WriteLine("// The rate limiter's first tick is one period after the app starts.");
            w.WriteLine("public void Start() => _limiter.Start();");
            w.WriteLine();
            w.OpenBlock("public void Stop()");
            w.CloseBlock();
        }

        w.WriteLine();
        if (SelectorEmitter.SelectsPerEvent(query))
        {
            SelectorEmitter.EmitPerEventSelect(w, inEvent);
        }

        if (!aggregating)
        {
            SelectorEmitter.EmitPlainSelect(w, query, inEvent, outEvent);
        }
        else if (selector.GroupBy.Count == 0)
        {
            SelectorEmitter.EmitAggregateSelect(w, query, inEvent, outEvent);
        }
        else
        {
            SelectorEmitter.EmitGroupedSelect(w, query, inEvent, outEvent, GroupKeyType(selector));
        }

        SelectorEmitter.EmitOrderComparer(w, query, outEvent);
        if (join is not null)
        {
            JoinEmitter.EmitSideClasses(w, app, query);
        }

        if (function is not null)
        {
            StreamFunctionEmitter.EmitExtendedEvent(w, function);
        }

        if (limiter is { HelperLines.Count: > 0 })
        {
            w.WriteLine();
            foreach (var line in limiter.HelperLines)
            {
                w.WriteLine(line);
            }
        }

        if (windowCode is { HelperLines.Count: > 0 })
        {
            w.WriteLine();
            foreach (var line in windowCode.HelperLines)
            {
                w.WriteLine(line);
            }
        }

        if (aggregating)
        {
            w.WriteLine();
            EmitAggregateState(w, selector, outEvent);
        }

        EmitState(w, query, inEvent, outEvent, windowCode is not null, limiter is not null, usesTimers && (join is null || limiter?.UsesTimers == true));
        w.CloseBlock();
    }

    /// <summary>The operator's snapshot: its window, aggregates, rate limiter, join sides and pending timers.</summary>
    private static void EmitState(SourceWriter w, QuerySpec query, string inEvent, string outEvent, bool hasWindow, bool hasLimiter, bool timerTarget)
    {
        var lines = new StateLines();
        if (query.Input.Function is not null && hasWindow && query.Join is null)
        {
            lines.Unsupported("a window after a stream function");
        }

        if (hasWindow && query.Join is null)
        {
            StateEmitter.AddWindow(lines, "_window", inEvent);
        }

        if (query.Join is not null)
        {
            JoinEmitter.AddState(lines, query);
        }

        StateEmitter.AddAggregates(lines, query.Selector);
        if (hasLimiter)
        {
            lines.Add(
                $"{Runtime}.RateLimiterState.Write(_limiter, writer, {StateEmitter.Codec(outEvent)});",
                $"{Runtime}.RateLimiterState.Read(_limiter, reader, {StateEmitter.Codec(outEvent)});");
        }

        if (timerTarget)
        {
            StateEmitter.AddTimers(lines);
        }

        StateEmitter.EmitMethods(w, lines);
    }

    private static void EmitReceive(SourceWriter w, QuerySpec query, string inEvent, string signature)
    {
        var window = query.Input.Window;
        w.OpenBlock($"{signature}(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{inEvent}>> chunk)");
        if (window is null)
        {
            // Without a window the filters run inside the selector loop: one pass, no copy.
            w.WriteLine("Select(chunk);");
            w.CloseBlock();
            return;
        }

        if (query.Input.PreWindowFilters.Count > 0)
        {
            var expressions = new ExpressionEmitter("ev.Data", "row", "state");
            w.WriteLine("// Filters before the window: only passing events enter it.");
            w.WriteLine("_filtered.Clear();");
            w.OpenBlock("foreach (ref readonly var ev in chunk)");
            var conditions = query.Input.PreWindowFilters.Select(expressions.Condition).ToList();
            w.WriteLine($"if ({(conditions.Count == 1 ? conditions[0] : string.Join(" && ", conditions.Select(ExpressionEmitter.Parenthesize)))})");
            w.OpenBlock();
            w.WriteLine("_filtered.Add(in ev);");
            w.CloseBlock();
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("chunk = _filtered.Span;");
        }

        w.WriteLine("_windowOutput.Clear();");
        w.WriteLine("_window.Process(chunk, _windowOutput);");
        w.WriteLine("SelectEachChunk();");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("// Each chunk the window emits is selected on its own: an aggregating query outputs one row per chunk.");
        w.OpenBlock("private void SelectEachChunk()");
        w.OpenBlock("for (var i = 0; i < _windowOutput.ChunkCount; i++)");
        w.WriteLine("Select(_windowOutput.GetChunk(i));");
        w.CloseBlock();
        w.CloseBlock();
    }

    private static void EmitAggregateState(SourceWriter w, SelectorSpec selector, string outEvent)
    {
        w.WriteSummary(selector.GroupBy.Count > 0 ? "The aggregators of one group." : "The aggregators of the query.");
        w.OpenBlock("private sealed class AggregateState");
        foreach (var aggregator in selector.Aggregators)
        {
            w.WriteLine($"public {AggregatorEmitter.TypeName(aggregator)} Aggregator{AppEmitter.Int(aggregator.Index)} = new();");
        }

        if (selector.GroupBy.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>True while this group has a row waiting in the current output chunk.</summary>");
            w.WriteLine("public bool InChunk;");
            w.WriteLine($"public {Runtime}.StreamEvent<{outEvent}> LastRow;");
        }

        w.WriteLine();
        w.OpenBlock("public void Reset()");
        foreach (var aggregator in selector.Aggregators)
        {
            w.WriteLine($"Aggregator{AppEmitter.Int(aggregator.Index)}.Reset();");
        }

        w.CloseBlock();
        StateEmitter.EmitAggregateState(w, selector);
        w.CloseBlock();
    }

    /// <summary>True when an expression of the query reads the app clock (<c>currentTimeMillis()</c>).</summary>
    private static bool UsesClock(QuerySpec query) =>
        SpecWalker.Expressions(query).Any(e => e is FunctionCallSpec { Name: "currentTimeMillis" });

    private static bool UsesLog(QuerySpec query) => SpecWalker.Expressions(query).Any(e => e is LogSpec);

    internal static string GroupKeyType(SelectorSpec selector) =>
        "global::System.ValueTuple<" + string.Join(", ", selector.GroupBy.Select(g => TypeNames.Nullable(g.Type))) + ">";
}
