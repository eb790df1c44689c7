using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Planning;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes a query's <c>Select(chunk)</c> method, in one of the three shapes of Siddhi's selector:
/// plain (every qualifying row), aggregating (the last qualifying row of the chunk) and grouped (the
/// last qualifying row of each group, groups in order of first appearance).
/// </summary>
internal static class SelectorEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    public static void EmitPlainSelect(SourceWriter w, QuerySpec query, string inEvent, string outEvent)
    {
        var e = new ExpressionEmitter("ev.Data", "row", "state");
        var eventType = query.Output.EventType;
        OpenSelect(w, query, inEvent);
        if (QueryPlanner.SelectsWithoutBranches(query))
        {
            // The selection is a list of positions built without branches (nothing to mispredict); rows are built
            // for passing events only.
            var filters = query.Input.PreWindowFilters.Concat(query.Input.PostWindowFilters).Select(f => ExpressionEmitter.Parenthesize(e.Condition(f)));
            var values = query.Selector.Projections.Select(p => e.Emit(p.Expression)).ToList();
            var pass = string.Join(" & ", new[] { $"ev.Kind == {Runtime}.EventKind.Current" }.Concat(filters));
            var selector = query.Selector;
            if (QueryPlanner.ReceivesSingleEvents(query))
            {
                w.OpenBlock("if (chunk.Length == 1)");
                w.WriteLine("// A chunk of one event takes the per-event path.");
                w.WriteLine("ref readonly var single = ref chunk[0];");
                w.OpenBlock($"if (single.Kind == {Runtime}.EventKind.Current)");
                w.WriteLine("Receive(single.Timestamp, in single.Data);");
                w.CloseBlock();
                w.WriteLine();
                w.WriteLine("return;");
                w.CloseBlock();
                w.WriteLine();
            }

            w.WriteLine("// First the positions of the passing events, without a branch; then only their rows are built.");
            w.WriteLine("var passing = _passing.Length >= chunk.Length ? _passing : _passing = new int[chunk.Length];");
            w.WriteLine("var kept = 0;");
            w.OpenBlock("for (var i = 0; i < chunk.Length; i++)");
            w.WriteLine("ref readonly var ev = ref chunk[i];");
            w.WriteLine($"var pass = {pass};");
            w.WriteLine("passing[kept] = i;");
            w.WriteLine("kept += global::System.Runtime.CompilerServices.Unsafe.BitCast<bool, byte>(pass); // 0 or 1, never a jump");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("var rows = _selected.Reserve(kept);");
            w.OpenBlock("for (var j = 0; j < kept; j++)");
            w.WriteLine("ref readonly var ev = ref chunk[passing[j]];");
            w.WriteLine($"rows[j] = new(ev.Timestamp, new {outEvent}({string.Join(", ", values)}));");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("_selected.Commit(kept);");
            EmitOrderLimitAndEmit(w, query, outEvent);
            w.CloseBlock();
            if (QueryPlanner.ReceivesSingleEvents(query))
            {
                w.WriteLine();
                EmitSingleEventReceive(w, query, inEvent, outEvent);
            }

            return;
        }

        w.OpenBlock("foreach (ref readonly var ev in chunk)");

        // Without aggregators, events the output does not want are skipped before any work.
        w.WriteLine(eventType switch
        {
            OutputEventType.Current => $"if (ev.Kind != {Runtime}.EventKind.Current) continue;",
            OutputEventType.Expired => $"if (ev.Kind != {Runtime}.EventKind.Expired) continue;",
            _ => $"if (ev.Kind is not ({Runtime}.EventKind.Current or {Runtime}.EventKind.Expired)) continue;",
        });
        EmitFilters(w, query, e);
        EmitProjection(w, query, outEvent, e);
        EmitHaving(w, query, e);
        w.WriteLine("_selected.Add(ev.Timestamp, in row, ev.Kind);");
        w.CloseBlock();
        w.WriteLine();
        EmitOrderLimitAndEmit(w, query, outEvent);
        w.CloseBlock();
    }

    /// <summary>Writes <c>Receive(timestamp, in data)</c>: an event sent on its own, filtered and projected in place.</summary>
    private static void EmitSingleEventReceive(SourceWriter w, QuerySpec query, string inEvent, string outEvent)
    {
        var e = new ExpressionEmitter("data", "row", "state");
        var filters = query.Input.PreWindowFilters.Concat(query.Input.PostWindowFilters).Select(f => ExpressionEmitter.Parenthesize(e.Condition(f))).ToList();
        var emit = $"_output.EmitRow(new {Runtime}.StreamEvent<{outEvent}>(timestamp, new {outEvent}({string.Join(", ", query.Selector.Projections.Select(p => e.Emit(p.Expression)))})));";
        w.WriteSummary("One event sent on its own: its row, if it passes, goes straight to the output.");
        w.OpenBlock($"public void Receive(long timestamp, in {inEvent} data)");
        if (filters.Count == 0)
        {
            w.WriteLine(emit);
        }
        else
        {
            w.OpenBlock($"if ({string.Join(" & ", filters)})");
            w.WriteLine(emit);
            w.CloseBlock();
        }

        w.CloseBlock();
    }

    public static void EmitAggregateSelect(SourceWriter w, QuerySpec query, string inEvent, string outEvent)
    {
        var e = new ExpressionEmitter("ev.Data", "row", "state");
        OpenSelect(w, query, inEvent);
        w.WriteLine("var state = _state;");
        w.WriteLine("var hasRow = false;");
        w.WriteLine($"{Runtime}.StreamEvent<{outEvent}> last = default;");
        w.OpenBlock("foreach (ref readonly var ev in chunk)");
        EmitResetAndKindCheck(w, query.Rate?.Kind == RateLimitKind.Snapshot
            ? $"state.Reset();\n_selected.Add(ev.Timestamp, default, {Runtime}.EventKind.Reset);\n_limiter.Process(_selected);\n_selected.Clear();"
            : "state.Reset();");
        EmitFilters(w, query, e);
        EmitAggregatorUpdates(w, query.Selector, e);
        EmitProjection(w, query, outEvent, e);
        EmitHaving(w, query, e);
        EmitWantedKind(w, query.Output.EventType);
        w.WriteLine("last = new(ev.Timestamp, row, ev.Kind);");
        w.WriteLine("hasRow = true;");
        w.CloseBlock();
        w.WriteLine();

        var selector = query.Selector;
        var condition = "hasRow";
        if (selector.Offset is > 0 || selector.Limit is <= 0)
        {
            // Siddhi outputs the one aggregated row only when no offset skips it and the limit lets it through.
            condition = "false";
        }

        w.OpenBlock($"if ({condition})");
        w.WriteLine("_selected.Add(in last);");
        EmitSelected(w, query);
        w.CloseBlock();
        w.CloseBlock();
    }

    public static void EmitGroupedSelect(SourceWriter w, QuerySpec query, string inEvent, string outEvent, string keyType)
    {
        var e = new ExpressionEmitter("ev.Data", "row", "state");
        var selector = query.Selector;
        OpenSelect(w, query, inEvent);
        w.OpenBlock("foreach (ref readonly var ev in chunk)");
        EmitResetAndKindCheck(w, "foreach (var group in _groups.Values) group.Reset();");
        EmitFilters(w, query, e);
        var key = "new " + keyType + "(" + string.Join(", ", selector.GroupBy.Select(g => e.Emit(g))) + ")";
        w.WriteLine($"ref var slot = ref global::System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_groups, {key}, out _);");
        w.WriteLine("var state = slot ??= new AggregateState();");
        EmitAggregatorUpdates(w, selector, e);
        EmitProjection(w, query, outEvent, e);
        EmitHaving(w, query, e);
        EmitWantedKind(w, query.Output.EventType);
        w.WriteLine("state.LastRow = new(ev.Timestamp, row, ev.Kind);");
        w.OpenBlock("if (!state.InChunk)");
        w.WriteLine("state.InChunk = true;");
        w.WriteLine("_groupsInChunk.Add(state);");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("// One row per group, in the order the groups first appeared in this chunk.");
        w.OpenBlock("foreach (var group in _groupsInChunk)");
        w.WriteLine("_selected.Add(in group.LastRow);");
        w.WriteLine("group.InChunk = false;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("_groupsInChunk.Clear();");
        EmitOrderLimitAndEmit(w, query, outEvent);
        w.CloseBlock();
    }

    /// <summary>
    /// True when a plain selection may evaluate its filters and projection for every event and keep the passing rows
    /// by count: no window, current events out, no having, and only attributes, constants and operators (which never
    /// throw: division by zero gives null), so evaluating a row that is dropped has no effect.
    /// </summary>
    /// <summary>Opens the selector method: <c>Select</c>, or <c>SelectOne</c> under a per-event wrapper.</summary>
    private static void OpenSelect(SourceWriter w, QuerySpec query, string inEvent) =>
        w.OpenBlock($"private void {(SelectsPerEvent(query) ? "SelectOne" : "Select")}(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{inEvent}>> chunk)");

    public static bool SelectsPerEvent(QuerySpec query) => query.Rate?.Kind == RateLimitKind.Snapshot;

    /// <summary>
    /// With <c>output snapshot</c> Siddhi's selector runs once per event: every event gives its own row, and the
    /// limiter decides what a tick shows. The selector body is written as <c>SelectOne</c>, called per event.
    /// </summary>
    public static void EmitPerEventSelect(SourceWriter w, string inEvent)
    {
        w.WriteLine("// output snapshot: the selector runs once per event, and the limiter keeps what a tick shows.");
        w.OpenBlock($"private void Select(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{inEvent}>> chunk)");
        w.OpenBlock("for (var i = 0; i < chunk.Length; i++)");
        w.WriteLine("SelectOne(chunk.Slice(i, 1));");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
    }

    private static void EmitResetAndKindCheck(SourceWriter w, string reset)
    {
        w.OpenBlock($"if (ev.Kind == {Runtime}.EventKind.Reset)");
        w.WriteLine("// A batch window started a new batch: every aggregator starts over.");
        foreach (var line in reset.Split('\n'))
        {
            w.WriteLine(line);
        }

        w.WriteLine("continue;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"if (ev.Kind is not ({Runtime}.EventKind.Current or {Runtime}.EventKind.Expired)) continue;");
    }

    private static void EmitFilters(SourceWriter w, QuerySpec query, ExpressionEmitter e)
    {
        // Without a window, the filters written before it run here; after a window they see expired events too.
        IEnumerable<ExpressionSpec> filters = query.Input.Window is null
            ? query.Input.PreWindowFilters.Concat(query.Input.PostWindowFilters)
            : query.Input.PostWindowFilters;
        foreach (var filter in filters)
        {
            w.WriteLine($"if (!{ExpressionEmitter.Parenthesize(e.Condition(filter))}) continue;");
        }
    }

    private static void EmitAggregatorUpdates(SourceWriter w, SelectorSpec selector, ExpressionEmitter e)
    {
        if (selector.Aggregators.Count == 0)
        {
            return;
        }

        w.OpenBlock($"if (ev.Kind == {Runtime}.EventKind.Current)");
        foreach (var aggregator in selector.Aggregators)
        {
            w.WriteLine($"state.Aggregator{AppEmitter.Int(aggregator.Index)}.Add({AggregatorEmitter.Argument(aggregator, e)});");
        }

        w.CloseBlock();
        w.WriteLine("else");
        w.OpenBlock();
        foreach (var aggregator in selector.Aggregators)
        {
            w.WriteLine($"state.Aggregator{AppEmitter.Int(aggregator.Index)}.Remove({AggregatorEmitter.Argument(aggregator, e)});");
        }

        w.CloseBlock();
        w.WriteLine();
    }

    private static void EmitProjection(SourceWriter w, QuerySpec query, string outEvent, ExpressionEmitter e)
    {
        var values = query.Selector.Projections.Select(p => e.Emit(p.Expression)).ToList();
        if (values.Count <= 3 && values.Sum(v => v.Length) < 80)
        {
            w.WriteLine($"var row = new {outEvent}({string.Join(", ", values)});");
            return;
        }

        w.WriteLine($"var row = new {outEvent}(");
        for (var i = 0; i < values.Count; i++)
        {
            w.WriteLine("    " + values[i] + (i == values.Count - 1 ? ");" : ","));
        }
    }

    private static void EmitHaving(SourceWriter w, QuerySpec query, ExpressionEmitter e)
    {
        if (query.Selector.Having is { } having)
        {
            w.WriteLine($"if (!{ExpressionEmitter.Parenthesize(e.Condition(having))}) continue;");
        }
    }

    private static void EmitWantedKind(SourceWriter w, OutputEventType eventType)
    {
        // Aggregators saw the event above; only the rows the output asks for are kept.
        if (eventType == OutputEventType.Current)
        {
            w.WriteLine($"if (ev.Kind != {Runtime}.EventKind.Current) continue;");
        }
        else if (eventType == OutputEventType.Expired)
        {
            w.WriteLine($"if (ev.Kind != {Runtime}.EventKind.Expired) continue;");
        }
    }

    private static void EmitOrderLimitAndEmit(SourceWriter w, QuerySpec query, string outEvent)
    {
        var selector = query.Selector;
        if (selector.OrderBy.Count > 0)
        {
            w.WriteLine($"{Runtime}.EventSorting.StableSort(_selected.AsSpan(), s_order);");
        }

        if (selector.Limit is not null || selector.Offset is not null)
        {
            w.WriteLine($"{Runtime}.EventSorting.ApplyOffsetAndLimit(_selected, {AppEmitter.Int(selector.Offset ?? 0)}, {AppEmitter.Int(selector.Limit ?? long.MaxValue)});");
        }

        EmitSelected(w, query);
    }

    /// <summary>Selected rows go to the query's output, or through its output rate limiter first.</summary>
    /// <summary>
    /// Hands the selected rows on and empties the buffer. The output empties it itself when a receiver throws; a
    /// rate limiter does not, so its call is guarded: rows of a failed chunk must not come out with the next one.
    /// </summary>
    private static void EmitSelected(SourceWriter w, QuerySpec query)
    {
        if (query.Rate is null)
        {
            w.WriteLine("_output.Emit(_selected);");
            w.WriteLine("_selected.Clear();");
            return;
        }

        w.OpenBlock("try");
        w.WriteLine("_limiter.Process(_selected);");
        w.CloseBlock();
        w.OpenBlock("finally");
        w.WriteLine("_selected.Clear();");
        w.CloseBlock();
    }

    /// <summary>Writes the <c>order by</c> comparison used by the selector, when the query has one.</summary>
    public static void EmitOrderComparer(SourceWriter w, QuerySpec query, string outEvent)
    {
        var orderBy = query.Selector.OrderBy;
        if (orderBy.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("// order by " + string.Join(", ", orderBy.Select(o => o.Attribute.Name + (o.Descending ? " desc" : " asc"))));
        w.WriteLine($"private static readonly global::System.Comparison<{Runtime}.StreamEvent<{outEvent}>> s_order = static (a, b) =>");
        w.OpenBlock();
        for (var i = 0; i < orderBy.Count; i++)
        {
            var order = orderBy[i];
            var compare = $"{Runtime}.EventSorting.Compare(a.Data.{order.Attribute.PropertyName}, b.Data.{order.Attribute.PropertyName})";
            var name = "c" + AppEmitter.Int(i);
            w.WriteLine($"var {name} = {compare};");
            w.WriteLine($"if ({name} != 0) return {(order.Descending ? "-" : "")}{name};");
        }

        w.WriteLine("return 0;");
        w.CloseBlock(";");
    }
}
