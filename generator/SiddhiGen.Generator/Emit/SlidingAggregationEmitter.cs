using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Emit.Persistence;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes the fused operator of the most common aggregating query: a sliding <c>length(n)</c> or <c>time(t)</c>
/// window under incremental aggregators (optionally grouped), inserting current events only. The window, the
/// group-by and the aggregators run in one pass per event: each event in the window (an <c>EventRing</c> entry)
/// keeps its aggregator arguments and its group, so an event leaving the window costs no lookup and no
/// re-evaluation; a single-event chunk (the per-event path) goes straight to the output.
/// </summary>
/// <remarks>
/// Same results as the general path (runtime window, window output, selector): the leaving event is subtracted
/// before the arriving one is added, in arrival order; a time window expires at each arrival with the clock's
/// time (what its timers would have expired by then: with only current events wanted, a timer's expiry is never
/// seen otherwise, so no timer is scheduled); one row per chunk, or per group and chunk, the last.
/// </remarks>
internal static class SlidingAggregationEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    private const string AggressiveInlining =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    public static void Emit(SourceWriter w, AppSpec app, QuerySpec query)
    {
        var input = app.Streams.First(s => s.Name == query.Input.StreamName);
        var output = app.Streams.First(s => s.Name == query.Output.TargetStream);
        var inEvent = input.EventTypeName;
        var outEvent = output.EventTypeName;
        var selector = query.Selector;
        var window = query.Input.Window!;
        var isTime = window.Name == "time";
        var size = ((ConstantSpec)window.Arguments[0]).Value;
        var grouped = selector.GroupBy.Count > 0;
        var stringKey = selector.GroupBy.Count == 1 && selector.GroupBy[0].Type == AttributeType.String;
        var keyType = stringKey ? "string?" : QueryEmitter.GroupKeyType(selector);
        var e = new ExpressionEmitter("data", "row", "state");

        w.WriteComment(query.Text);
        w.OpenBlock($"private sealed class {query.OperatorName} : {Runtime}.IEventReceiver<{inEvent}>, {StateEmitter.StatefulOperator}");
        w.WriteLine($"private readonly {Runtime}.QueryOutput<{outEvent}> _output;");
        if (isTime)
        {
            w.WriteLine($"private readonly {Runtime}.AppClock _clock;");
        }

        w.WriteLine($"private readonly {Runtime}.EventBuffer<{outEvent}> _selected = new();");
        w.WriteLine();
        w.WriteLine($"// #window.{window.Name}({size}{(isTime ? " ms" : "")}), fused: the events in the window, oldest first, each with what its leaving takes away.");
        w.WriteLine($"private {Runtime}.EventRing<Held> _window = new({(isTime ? "16" : size)});");
        if (grouped)
        {
            w.WriteLine();
            w.WriteLine("// The groups' indexes by key, each resolved once per arriving event; a leaving event finds its group in the window.");
            if (stringKey)
            {
                w.WriteLine("private readonly global::System.Collections.Generic.Dictionary<string, int> _groups = new();");
                w.WriteLine("private AggregateState? _nullGroup;");
            }
            else
            {
                w.WriteLine($"private readonly global::System.Collections.Generic.Dictionary<{keyType}, int> _groups = new();");
            }

            w.WriteLine("// Every group by its index: the window keeps indexes, not references (no GC write barrier per event).");
            w.WriteLine("private AggregateState[] _groupList = new AggregateState[8];");
            w.WriteLine("private int _groupCount;");
            w.WriteLine("private AggregateState[] _groupsInChunk = new AggregateState[4];");
            w.WriteLine("private int _groupsInChunkCount;");
        }
        else
        {
            w.WriteLine("private readonly AggregateState _state = new();");
        }

        w.WriteLine();
        w.OpenBlock($"public {query.OperatorName}({Runtime}.SiddhiApp app, {Runtime}.QueryOutput<{outEvent}> output)");
        w.WriteLine("_output = output;");
        if (isTime)
        {
            w.WriteLine("_clock = app.Clock;");
        }

        w.CloseBlock();
        w.WriteLine();

        EmitReceive(w, inEvent, outEvent, grouped, isTime);
        w.WriteLine();
        EmitAccept(w, query, inEvent, outEvent, e, isTime, size, grouped, stringKey, keyType);
        w.WriteLine();
        EmitLeave(w, selector, grouped);
        if (grouped)
        {
            w.WriteLine();
            EmitGroupOf(w, selector, stringKey, keyType);
        }

        w.WriteLine();
        EmitHeld(w, selector, isTime, grouped);
        w.WriteLine();
        EmitAggregateState(w, selector, outEvent, grouped);
        StateEmitter.EmitMethods(w, StateOf(selector, isTime, grouped, stringKey));
        w.CloseBlock();
    }

    /// <summary>The snapshot of the fused operator: the held events, then the groups by index and their keys (or the one state).</summary>
    private static StateLines StateOf(SelectorSpec selector, bool isTime, bool grouped, bool stringKey)
    {
        var lines = new StateLines();
        var arguments = selector.Aggregators.Where(a => a.Argument is not null).ToList();
        lines.Write.Add("writer.WriteCount(_window.Count);");
        lines.Write.Add("for (var i = 0; i < _window.Count; i++)");
        lines.Write.Add("{");
        lines.Write.Add("    ref readonly var held = ref _window[i];");
        if (isTime)
        {
            lines.Write.Add("    writer.WriteInt64(held.Timestamp);");
        }

        lines.Write.AddRange(arguments.Select(a => "    " + StateEmitter.Write(ArgumentType(a), "held.Argument" + AppEmitter.Int(a.Index))));
        if (grouped)
        {
            lines.Write.Add("    writer.WriteInt32(held.Group);");
        }

        lines.Write.Add("}");
        var held = new List<string>();
        if (isTime)
        {
            held.Add("reader.ReadInt64()");
        }

        held.AddRange(arguments.Select(a => StateEmitter.Read(ArgumentType(a))));
        if (grouped)
        {
            held.Add("reader.ReadInt32()");
        }

        lines.Read.Add("_window.Clear();");
        lines.Read.Add("for (int i = 0, count = reader.ReadCount(); i < count; i++)");
        lines.Read.Add("{");
        lines.Read.Add($"    _window.Add(new Held({string.Join(", ", held)}));");
        lines.Read.Add("}");
        if (!grouped)
        {
            lines.Add("_state.WriteState(writer);", "_state.ReadState(reader);");
            return lines;
        }

        if (!stringKey && selector.GroupBy.Count > 7)
        {
            lines.Unsupported("a group by of more than 7 attributes");
            return lines;
        }

        lines.Write.Add("writer.WriteCount(_groupCount);");
        lines.Write.Add("for (var i = 0; i < _groupCount; i++)");
        lines.Write.Add("{");
        lines.Write.Add("    _groupList[i].WriteState(writer);");
        lines.Write.Add("}");
        lines.Write.Add("writer.WriteCount(_groups.Count);");
        lines.Write.Add("foreach (var (key, index) in _groups)");
        lines.Write.Add("{");
        lines.Write.AddRange(stringKey ? new[] { "    writer.WriteString(key);" } : StateEmitter.WriteKey(selector, "key").Select(l => "    " + l));
        lines.Write.Add("    writer.WriteInt32(index);");
        lines.Write.Add("}");
        lines.Read.Add("global::System.Array.Clear(_groupList);");
        lines.Read.Add("_groupCount = 0;");
        lines.Read.Add("for (int i = 0, count = reader.ReadCount(); i < count; i++)");
        lines.Read.Add("{");
        lines.Read.Add("    NewGroup().ReadState(reader);");
        lines.Read.Add("}");
        lines.Read.Add("_groups.Clear();");
        lines.Read.Add("for (int i = 0, count = reader.ReadCount(); i < count; i++)");
        lines.Read.Add("{");
        lines.Read.Add($"    var key = {(stringKey ? "reader.ReadString()!" : StateEmitter.ReadKey(selector))};");
        lines.Read.Add("    _groups.Add(key, reader.ReadInt32());");
        lines.Read.Add("}");
        if (stringKey)
        {
            lines.Write.Add("writer.WriteInt32(_nullGroup?.Index ?? -1);");
            lines.Read.Add("var nullGroup = reader.ReadInt32();");
            lines.Read.Add("_nullGroup = nullGroup < 0 ? null : _groupList[nullGroup];");
        }

        return lines;
    }

    private static void EmitReceive(SourceWriter w, string inEvent, string outEvent, bool grouped, bool isTime)
    {
        var now = isTime ? "now, " : string.Empty;
        var state = grouped ? "out var state, " : string.Empty;
        w.OpenBlock($"public void Receive(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{inEvent}>> chunk)");
        w.OpenBlock("if (chunk.Length == 1)");
        w.WriteLine("// A chunk of one event takes the per-event path.");
        w.WriteLine("ref readonly var single = ref chunk[0];");
        w.WriteLine("Receive(single.Timestamp, in single.Data);");
        w.WriteLine("return;");
        w.CloseBlock();
        w.WriteLine();
        if (isTime)
        {
            w.WriteLine("var now = _clock.Now;");
        }

        w.WriteLine($"ReceiveChunk(chunk{(isTime ? ", now" : string.Empty)});");
        w.CloseBlock();
        w.WriteLine();
        w.WriteSummary("One event sent on its own: at most one row, straight to the output.");
        w.OpenBlock($"public void Receive(long timestamp, in {inEvent} data)");
        w.OpenBlock($"if (Accept(timestamp, in data, {(isTime ? "_clock.Now, " : string.Empty)}{(grouped ? "out _, " : string.Empty)}out var row))");
        w.WriteLine($"_output.EmitRow(new {Runtime}.StreamEvent<{outEvent}>(timestamp, row));");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteSummary(grouped ? "Several events sent as one chunk: one row per group, the group's last." : "Several events sent as one chunk: one row, the last.");
        w.OpenBlock($"private void ReceiveChunk(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{inEvent}>> chunk{(isTime ? ", long now" : string.Empty)})");
        if (grouped)
        {
            w.OpenBlock("foreach (ref readonly var ev in chunk)");
            w.WriteLine($"if (!Accept(ev.Timestamp, in ev.Data, {now}{state}out var row)) continue;");
            w.WriteLine("state.LastRow = new(ev.Timestamp, row);");
            w.OpenBlock("if (!state.InChunk)");
            w.WriteLine("state.InChunk = true;");
            w.OpenBlock("if (_groupsInChunkCount == _groupsInChunk.Length)");
            w.WriteLine("global::System.Array.Resize(ref _groupsInChunk, _groupsInChunk.Length * 2);");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("_groupsInChunk[_groupsInChunkCount++] = state;");
            w.CloseBlock();
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("// One row per group, the group's last, in the order the groups first appeared in this chunk.");
            w.OpenBlock("for (var i = 0; i < _groupsInChunkCount; i++)");
            w.WriteLine("var group = _groupsInChunk[i];");
            w.WriteLine("_selected.Add(in group.LastRow);");
            w.WriteLine("group.InChunk = false;");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("_groupsInChunkCount = 0;");
            w.WriteLine("_output.Emit(_selected);");
            w.WriteLine("_selected.Clear();");
        }
        else
        {
            w.WriteLine("// One row per chunk: the last.");
            w.WriteLine("var hasRow = false;");
            w.WriteLine($"{Runtime}.StreamEvent<{outEvent}> last = default;");
            w.OpenBlock("foreach (ref readonly var ev in chunk)");
            w.OpenBlock($"if (Accept(ev.Timestamp, in ev.Data, {now}out var row))");
            w.WriteLine("last = new(ev.Timestamp, row);");
            w.WriteLine("hasRow = true;");
            w.CloseBlock();
            w.CloseBlock();
            w.WriteLine();
            w.OpenBlock("if (hasRow)");
            w.WriteLine("_selected.Add(in last);");
            w.WriteLine("_output.Emit(_selected);");
            w.WriteLine("_selected.Clear();");
            w.CloseBlock();
        }

        w.CloseBlock();
    }

    private static void EmitAccept(
        SourceWriter w, QuerySpec query, string inEvent, string outEvent, ExpressionEmitter e, bool isTime, string size, bool grouped, bool stringKey, string keyType)
    {
        var selector = query.Selector;
        w.WriteSummary("Runs one arriving event through the window and the aggregators; true when it yields a row.");
        w.WriteLine(AggressiveInlining);
        w.OpenBlock($"private bool Accept(long timestamp, in {inEvent} data, {(isTime ? "long now, " : string.Empty)}{(grouped ? "out AggregateState state, " : string.Empty)}out {outEvent} row)");
        var filters = query.Input.PreWindowFilters;
        if (filters.Count > 0)
        {
            w.WriteLine("// Filters before the window: only passing events enter it.");
            var conditions = filters.Select(f => ExpressionEmitter.Parenthesize(e.Condition(f)));
            w.OpenBlock($"if (!({string.Join(" && ", conditions)}))");
            if (grouped)
            {
                w.WriteLine("state = null!;");
            }

            w.WriteLine("row = default;");
            w.WriteLine("return false;");
            w.CloseBlock();
            w.WriteLine();
        }

        if (isTime)
        {
            w.WriteLine("// Events whose time is up leave first, oldest first.");
            w.OpenBlock($"while (_window.Count != 0 && _window.Oldest.Timestamp - now + {size}L <= 0)");
            w.WriteLine("Leave();");
            w.CloseBlock();
        }
        else
        {
            w.WriteLine("// When the window is full, the oldest event leaves first.");
            w.OpenBlock($"if (_window.Count == {size})");
            w.WriteLine("Leave();");
            w.CloseBlock();
        }

        w.WriteLine();
        if (grouped)
        {
            var key = stringKey
                ? e.Emit(selector.GroupBy[0])
                : "new " + keyType + "(" + string.Join(", ", selector.GroupBy.Select(g => e.Emit(g))) + ")";
            w.WriteLine($"state = GroupOf({key});");
        }
        else
        {
            w.WriteLine("var state = _state;");
        }

        var arguments = new List<string>();
        foreach (var aggregator in selector.Aggregators.Where(a => a.Argument is not null))
        {
            var name = "argument" + AppEmitter.Int(aggregator.Index);
            w.WriteLine($"var {name} = {AggregatorEmitter.Argument(aggregator, e)};");
            arguments.Add(name);
        }

        var held = new List<string>();
        if (isTime)
        {
            held.Add("timestamp");
        }

        held.AddRange(arguments);
        if (grouped)
        {
            held.Add("state.Index");
        }

        w.WriteLine($"_window.Add(new Held({string.Join(", ", held)}));");
        foreach (var aggregator in selector.Aggregators)
        {
            var argument = aggregator.Argument is null ? string.Empty : "argument" + AppEmitter.Int(aggregator.Index);
            w.WriteLine($"state.Aggregator{AppEmitter.Int(aggregator.Index)}.Add({argument});");
        }

        w.WriteLine();
        var values = selector.Projections.Select(p => e.Emit(p.Expression)).ToList();
        w.WriteLine($"row = new {outEvent}({string.Join(", ", values)});");
        w.WriteLine(selector.Having is { } having ? $"return {e.Condition(having)};" : "return true;");
        w.CloseBlock();
    }

    private static void EmitLeave(SourceWriter w, SelectorSpec selector, bool grouped)
    {
        w.WriteSummary(grouped ? "The oldest event leaves the window: its arguments come off its group's aggregators." : "The oldest event leaves the window: its arguments come off the aggregators.");
        w.WriteLine(AggressiveInlining);
        w.OpenBlock("private void Leave()");
        w.WriteLine("ref readonly var leaving = ref _window.Oldest;");
        var state = grouped ? "group" : "_state";
        if (grouped)
        {
            w.WriteLine("var group = _groupList[leaving.Group];");
        }

        foreach (var aggregator in selector.Aggregators)
        {
            var argument = aggregator.Argument is null ? string.Empty : "leaving.Argument" + AppEmitter.Int(aggregator.Index);
            w.WriteLine($"{state}.Aggregator{AppEmitter.Int(aggregator.Index)}.Remove({argument});");
        }

        w.WriteLine("_window.RemoveOldest();");
        w.CloseBlock();
    }

    private static void EmitGroupOf(SourceWriter w, SelectorSpec selector, bool stringKey, string keyType)
    {
        w.WriteSummary("The group of a key, created on first sight.");
        w.WriteLine(AggressiveInlining);
        w.OpenBlock($"private AggregateState GroupOf({keyType} key)");
        if (stringKey)
        {
            w.OpenBlock("if (key is null)");
            w.WriteLine("return _nullGroup ??= NewGroup();");
            w.CloseBlock();
            w.WriteLine();
            w.OpenBlock("if (_groups.TryGetValue(key, out var index))");
            w.WriteLine("return _groupList[index];");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("var state = NewGroup();");
            w.WriteLine("_groups.Add(key, state.Index);");
            w.WriteLine("return state;");
        }
        else
        {
            w.WriteLine("ref var index = ref global::System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_groups, key, out var exists);");
            w.OpenBlock("if (exists)");
            w.WriteLine("return _groupList[index];");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("var state = NewGroup();");
            w.WriteLine("index = state.Index;");
            w.WriteLine("return state;");
        }

        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock("private AggregateState NewGroup()");
        w.OpenBlock("if (_groupCount == _groupList.Length)");
        w.WriteLine("global::System.Array.Resize(ref _groupList, _groupCount * 2);");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("var state = new AggregateState { Index = _groupCount };");
        w.WriteLine("_groupList[_groupCount++] = state;");
        w.WriteLine("return state;");
        w.CloseBlock();
    }

    private static void EmitHeld(SourceWriter w, SelectorSpec selector, bool isTime, bool grouped)
    {
        var fields = new List<string>();
        if (isTime)
        {
            fields.Add("long Timestamp");
        }

        foreach (var aggregator in selector.Aggregators.Where(a => a.Argument is not null))
        {
            fields.Add($"{TypeNames.Nullable(ArgumentType(aggregator))} Argument{AppEmitter.Int(aggregator.Index)}");
        }

        if (grouped)
        {
            fields.Add("int Group");
        }

        w.WriteSummary("An event in the window: what its leaving takes away.");
        w.WriteLine($"private readonly record struct Held({string.Join(", ", fields)});");
    }

    private static void EmitAggregateState(SourceWriter w, SelectorSpec selector, string outEvent, bool grouped)
    {
        w.WriteSummary(grouped ? "The aggregators of one group." : "The aggregators of the query.");
        w.OpenBlock("private sealed class AggregateState");
        foreach (var aggregator in selector.Aggregators)
        {
            w.WriteLine($"public {AggregatorEmitter.TypeName(aggregator)} Aggregator{AppEmitter.Int(aggregator.Index)} = new();");
        }

        if (grouped)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>This group's place in the group list.</summary>");
            w.WriteLine("public int Index;");
            w.WriteLine();
            w.WriteLine("/// <summary>True while this group has a row waiting in the current output chunk.</summary>");
            w.WriteLine("public bool InChunk;");
            w.WriteLine($"public {Runtime}.StreamEvent<{outEvent}> LastRow;");
        }

        StateEmitter.EmitAggregateState(w, selector);
        w.CloseBlock();
    }

    /// <summary>The type <see cref="AggregatorEmitter.Argument"/> converts the argument to.</summary>
    private static AttributeType ArgumentType(AggregatorSpec aggregator)
    {
        var type = aggregator.Argument!.Type;
        return aggregator.Name switch
        {
            "sum" when type is AttributeType.Int => AttributeType.Long,
            "sum" when type is AttributeType.Float => AttributeType.Double,
            "avg" or "stdDev" when type is not AttributeType.Double => AttributeType.Double,
            _ => type,
        };
    }

    /// <summary>Constants, input attributes and operators over them: values that depend on the event's attributes only.</summary>
}
