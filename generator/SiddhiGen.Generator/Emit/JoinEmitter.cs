using System.Linq;
using SiddhiGen.Generator.Emit.Persistence;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes the join parts of a join query's operator: a side class per input (its filters and window,
/// or a named window it reads), and a trigger method per side that matches each event the side's
/// window emits against what the other side holds, each trigger its own chunk for the selector.
/// The selector reads <c>Joined(Left, Right)</c>; a side with no match is <c>default</c>, all nulls.
/// </summary>
internal static class JoinEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    public static void EmitFields(SourceWriter w, AppSpec app, QuerySpec query)
    {
        foreach (var side in new[] { query.Join!.Left, query.Join.Right }.Where(side => !TableJoinEmitter.IsTableSide(query, side)))
        {
            w.WriteLine($"private readonly {side.Path}Side _{Camel(side.Path)};");
        }

        w.WriteLine($"private readonly {Runtime}.EventBuffer<Joined> _joined = new();");
        TableJoinEmitter.EmitStoreField(w, app, query);
    }

    /// <summary>Named windows read by a side are passed in, so the side can find their contents.</summary>
    public static string ConstructorParameters(AppSpec app, QuerySpec query)
    {
        var join = query.Join!;
        var parameters = "";
        foreach (var side in new[] { join.Left, join.Right })
        {
            if (side.IsNamedWindow)
            {
                var window = app.Windows.First(x => x.Name == side.StreamName);
                parameters += $", {window.OperatorName} {Camel(side.Path)}Window";
            }
        }

        return parameters;
    }

    public static void EmitConstruction(SourceWriter w, AppSpec app, QuerySpec query)
    {
        var join = query.Join!;
        TableJoinEmitter.EmitStoreConstruction(w, app, query);
        foreach (var side in new[] { join.Left, join.Right }.Where(side => !TableJoinEmitter.IsTableSide(query, side)))
        {
            w.WriteLine($"_{Camel(side.Path)} = new {side.Path}Side(app, this{(side.IsNamedWindow ? ", " + Camel(side.Path) + "Window" : "")});");
        }
    }

    /// <summary>The side receiving the left stream's events; the app subscribes it.</summary>
    public static void EmitTriggers(SourceWriter w, AppSpec app, QuerySpec query)
    {
        var join = query.Join!;
        foreach (var side in new[] { join.Left, join.Right }.Where(side => !TableJoinEmitter.IsTableSide(query, side)))
        {
            w.WriteSummary($"Receives the events of '{side.StreamName}'.");
            w.WriteLine($"public {Runtime}.IStreamReceiver<{EventType(app, side)}> {side.Path} => _{Camel(side.Path)};");
            w.WriteLine();
        }

        // A table side never triggers: only the stream side has a trigger.
        if (!TableJoinEmitter.IsTableSide(query, join.Left))
        {
            EmitTrigger(w, app, query, join.Left, join.Right, padded: join.Kind is JoinKind.LeftOuter or JoinKind.FullOuter);
        }

        if (!TableJoinEmitter.IsTableSide(query, join.Right))
        {
            w.WriteLine();
            EmitTrigger(w, app, query, join.Right, join.Left, padded: join.Kind is JoinKind.RightOuter or JoinKind.FullOuter);
        }
    }

    private static void EmitTrigger(SourceWriter w, AppSpec app, QuerySpec query, JoinSideSpec side, JoinSideSpec other, bool padded)
    {
        var e = EventType(app, side);
        var isLeft = side.Path == "Left";
        w.WriteLine($"// An event leaving '{side.StreamName}''s window is matched against what '{other.StreamName}' holds now.");
        w.OpenBlock($"private void From{side.Path}(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{e}>> chunk)");
        w.OpenBlock("foreach (ref readonly var ev in chunk)");
        w.WriteLine($"if (ev.Kind is not ({Runtime}.EventKind.Current or {Runtime}.EventKind.Expired)) continue;");
        w.WriteLine("_joined.Clear();");
        var otherIsTable = TableJoinEmitter.IsTableSide(query, other);
        if (otherIsTable && AggregationJoinEmitter.Applies(query))
        {
            AggregationJoinEmitter.OpenRowLoop(w, app, query, isLeft);
        }
        else
        {
            w.OpenBlock(otherIsTable ? $"foreach (ref readonly var match in {TableJoinEmitter.Rows(app, query, isLeft)})" : $"foreach (ref readonly var match in _{Camel(other.Path)}.Contents)");
        }

        var matchData = otherIsTable ? "match" : "match.Data";
        w.WriteLine(isLeft ? $"var joined = new Joined(ev.Data, {matchData});" : $"var joined = new Joined({matchData}, ev.Data);");
        if (otherIsTable)
        {
            TableJoinEmitter.EmitRowFilters(w, other);
        }

        if (query.Join!.On is { } on)
        {
            var condition = new ExpressionEmitter("joined", "row", "state").Condition(on);
            w.WriteLine($"if (!{ExpressionEmitter.Parenthesize(condition)}) continue;");
        }

        w.WriteLine("_joined.Add(ev.Timestamp, in joined, ev.Kind);");
        w.CloseBlock();
        if (padded)
        {
            w.WriteLine();
            w.WriteLine("// Outer join: an unmatched trigger still gives a row, the other side all nulls.");
            w.OpenBlock("if (_joined.Count == 0)");
            w.WriteLine(isLeft ? "_joined.Add(ev.Timestamp, new Joined(ev.Data, default), ev.Kind);" : "_joined.Add(ev.Timestamp, new Joined(default, ev.Data), ev.Kind);");
            w.CloseBlock();
        }

        w.WriteLine();
        if (query.Selector.InputOrderBy.Count > 0)
        {
            w.WriteLine($"{Runtime}.EventSorting.StableSort(_joined.AsSpan(), s_inputOrder);");
        }

        w.WriteLine("Select(_joined.Span);");
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>The order of joined rows for an <c>order by</c> on input attributes the query does not select.</summary>
    public static void EmitInputOrderComparer(SourceWriter w, QuerySpec query)
    {
        var orderBy = query.Selector.InputOrderBy;
        if (orderBy.Count == 0)
        {
            return;
        }

        var a = new ExpressionEmitter("a.Data", "row", "state");
        var b = new ExpressionEmitter("b.Data", "row", "state");
        w.WriteLine();
        w.WriteLine("// order by attributes of the joined inputs: the joined rows of a trigger are ordered before they are selected.");
        w.WriteLine($"private static readonly global::System.Comparison<{Runtime}.StreamEvent<Joined>> s_inputOrder = static (a, b) =>");
        w.OpenBlock();
        for (var i = 0; i < orderBy.Count; i++)
        {
            var name = "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            w.WriteLine($"var {name} = {Runtime}.EventSorting.Compare({a.Emit(orderBy[i].Input)}, {b.Emit(orderBy[i].Input)});");
            w.WriteLine($"if ({name} != 0) return {(orderBy[i].Descending ? "-" : "")}{name};");
        }

        w.WriteLine("return 0;");
        w.CloseBlock(";");
    }

    public static void EmitSideClasses(SourceWriter w, AppSpec app, QuerySpec query)
    {
        var join = query.Join!;
        w.WriteLine();
        w.WriteSummary("The event the selector reads: one event of each side (default, all nulls, when unmatched).");
        w.WriteLine($"private readonly record struct Joined({EventType(app, join.Left)} Left, {EventType(app, join.Right)} Right);");
        EmitInputOrderComparer(w, query);
        foreach (var side in new[] { join.Left, join.Right }.Where(side => !TableJoinEmitter.IsTableSide(query, side)))
        {
            w.WriteLine();
            EmitSide(w, app, query, side);
        }
    }

    private static void EmitSide(SourceWriter w, AppSpec app, QuerySpec query, JoinSideSpec side)
    {
        var stream = app.Streams.First(s => s.Name == side.StreamName);
        var e = stream.EventTypeName;
        var className = side.Path + "Side";
        // Aggregates over a join need the expired copies a windowless side emits, to take its events back out.
        var aggregating = query.Selector.Aggregators.Count > 0;
        var expiredWanted = query.Output.EventType != OutputEventType.Current || (side.Window is null && aggregating);
        var window = side.IsNamedWindow ? null : WindowEmitter.Build(side.Window, stream, expiredWanted, findable: true);
        var timers = window?.UsesTimers == true;
        var trigger = side.Triggers ? $"_query.From{side.Path}" : null;

        w.WriteLine(side.Triggers
            ? $"// The '{side.StreamName}' side: its events enter {(side.IsNamedWindow ? "the named window first" : "its window")}, then trigger the join."
            : $"// The '{side.StreamName}' side: only kept to be found (the other side is unidirectional).");
        w.OpenBlock($"private sealed class {className} : {Runtime}.IStreamReceiver<{e}>" + (timers ? $", {Runtime}.ITimerTarget" : ""));
        w.WriteLine($"private readonly {query.OperatorName} _query;");
        if (side.IsNamedWindow)
        {
            var named = app.Windows.First(x => x.Name == side.StreamName);
            w.WriteLine($"private readonly {named.OperatorName} _window;");
        }
        else
        {
            w.WriteLine($"private readonly {window!.TypeName} _window;");
            w.WriteLine($"private readonly {Runtime}.WindowOutput<{e}> _windowOutput = new();");
        }

        if (side.Filters.Count > 0)
        {
            w.WriteLine($"private readonly {Runtime}.EventBuffer<{e}> _filtered = new();");
        }

        w.WriteLine();
        if (side.IsNamedWindow)
        {
            var named = app.Windows.First(x => x.Name == side.StreamName);
            w.OpenBlock($"public {className}({Runtime}.SiddhiApp app, {query.OperatorName} query, {named.OperatorName} window)");
            w.WriteLine("_query = query;");
            w.WriteLine("_window = window;");
        }
        else
        {
            w.OpenBlock($"public {className}({Runtime}.SiddhiApp app, {query.OperatorName} query)");
            w.WriteLine("_query = query;");
            w.WriteLine($"_window = new({window!.Construction});");
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"public global::System.ReadOnlySpan<{Runtime}.StreamEvent<{e}>> Contents => _window.Contents;");
        w.WriteLine();
        w.OpenBlock($"public void Receive(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{e}>> chunk)");
        if (side.Filters.Count > 0)
        {
            var expressions = new ExpressionEmitter("ev.Data", "row", "state") { TableOwner = "_query." };
            var conditions = side.Filters.Select(expressions.Condition).ToList();
            w.WriteLine("_filtered.Clear();");
            w.OpenBlock("foreach (ref readonly var ev in chunk)");
            w.WriteLine($"if ({(conditions.Count == 1 ? conditions[0] : string.Join(" && ", conditions.Select(ExpressionEmitter.Parenthesize)))})");
            w.OpenBlock();
            w.WriteLine("_filtered.Add(in ev);");
            w.CloseBlock();
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("chunk = _filtered.Span;");
        }

        if (side.IsNamedWindow)
        {
            // The named window already ran: its output is what triggers.
            if (trigger is not null)
            {
                w.WriteLine($"{trigger}(chunk);");
            }
        }
        else
        {
            w.WriteLine("_windowOutput.Clear();");
            w.WriteLine("_window.Process(chunk, _windowOutput);");
            EmitForward(w, trigger);
        }

        w.CloseBlock();
        if (timers)
        {
            w.WriteLine();
            w.OpenBlock("public void OnTimer(long dueTime)");
            w.WriteLine("_windowOutput.Clear();");
            w.WriteLine("_window.OnTimer(dueTime, _windowOutput);");
            EmitForward(w, trigger);
            w.CloseBlock();
        }

        if (window is { HelperLines.Count: > 0 })
        {
            w.WriteLine();
            foreach (var line in window.HelperLines)
            {
                w.WriteLine(line);
            }
        }

        // A named window's contents are the named window's own state.
        var state = new StateLines();
        if (!side.IsNamedWindow)
        {
            StateEmitter.AddWindow(state, "_window", e);
        }

        if (timers)
        {
            StateEmitter.AddTimers(state);
        }

        StateEmitter.EmitMethods(w, state);
        w.CloseBlock();
    }

    /// <summary>The join's state: each side's window, in order.</summary>
    public static void AddState(StateLines lines, QuerySpec query)
    {
        foreach (var side in new[] { query.Join!.Left, query.Join.Right }.Where(side => !TableJoinEmitter.IsTableSide(query, side)))
        {
            lines.Add($"_{Camel(side.Path)}.WriteState(writer);", $"_{Camel(side.Path)}.ReadState(reader);");
        }
    }

    private static void EmitForward(SourceWriter w, string? trigger)
    {
        if (trigger is null)
        {
            return;
        }

        w.OpenBlock("for (var i = 0; i < _windowOutput.ChunkCount; i++)");
        w.WriteLine($"{trigger}(_windowOutput.GetChunk(i));");
        w.CloseBlock();
    }

    internal static string EventType(AppSpec app, JoinSideSpec side) =>
        app.Streams.FirstOrDefault(s => s.Name == side.StreamName)?.EventTypeName
        ?? TableEmitter.RowType(app, side.StreamName)
        ?? app.Aggregations.First(a => a.Name == side.StreamName).Schema.EventTypeName;

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);
}
