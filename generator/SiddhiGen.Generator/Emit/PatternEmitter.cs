using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Binding;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes a pattern query (<c>from every e1=A -&gt; e2=B[...] within t select ...</c>) as Siddhi's state machine:
/// each step keeps the partial matches waiting for its event; an arriving event is offered to the steps that read
/// its stream, from the last to the first, and a match moves on to the next step's list of arrivals, which joins
/// that step's waiting list only before the next event (so one event never fills two consecutive steps).
/// </summary>
/// <remarks>
/// A partial match waits until its event comes, however many other events pass, or until <c>within</c> has passed
/// since its first event (checked when an event arrives, as Siddhi does). A completed match is one output row in
/// a chunk of its own, stamped with its last event's time.
/// </remarks>
internal static class PatternEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    /// <summary>The streams the pattern reads, each with the receiver property the app subscribes to it.</summary>
    public static IEnumerable<(string Stream, string Receiver)> Inputs(QuerySpec query) =>
        query.State!.Events.Select(e => e.StreamName).Distinct().Select(stream => (stream, ReceiverName(stream)));

    public static void Emit(SourceWriter w, AppSpec app, QuerySpec query)
    {
        var state = query.State!;
        var plan = PatternPlan.Of(state, query.Selector, query.Rate, out _)!;
        var output = TableEmitter.OutputOf(app, query);
        var last = plan.Steps.Count - 1;
        var slots = state.Events.ToDictionary(e => e.Position);

        w.WriteComment(query.Text);
        w.OpenBlock($"private sealed class {query.OperatorName}");
        w.WriteLine($"private readonly {Runtime}.QueryOutput<{output.EventTypeName}> _output;");
        w.WriteLine();
        w.WriteLine("// Per step: the partial matches waiting for its event, and those that reached it with the current event.");
        w.WriteLine($"private readonly global::System.Collections.Generic.List<Match>[] _waiting = new global::System.Collections.Generic.List<Match>[{AppEmitter.Int(plan.Steps.Count)}];");
        w.WriteLine($"private readonly global::System.Collections.Generic.List<Match>[] _arrived = new global::System.Collections.Generic.List<Match>[{AppEmitter.Int(plan.Steps.Count)}];");
        w.WriteLine();
        w.OpenBlock($"public {query.OperatorName}({Runtime}.SiddhiApp app, {Runtime}.QueryOutput<{output.EventTypeName}> output)");
        w.WriteLine("_output = output;");
        w.OpenBlock("for (var i = 0; i < _waiting.Length; i++)");
        w.WriteLine("_waiting[i] = new();");
        w.WriteLine("_arrived[i] = new();");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine(plan.Start switch
        {
            PatternStart.EveryEvent => "// every: the first step always waits, and each of its events starts a partial match of its own.",
            PatternStart.EveryMatch => "// every (...): the first step waits again each time the whole chain completes.",
            _ => "// Without every the first step waits once: after its event, the pattern never starts again.",
        });
        w.WriteLine("_waiting[0].Add(new Match());");
        foreach (var (stream, receiver) in Inputs(query))
        {
            w.WriteLine($"{receiver} = new {receiver}Side(this);");
        }

        w.CloseBlock();

        foreach (var (stream, receiver) in Inputs(query))
        {
            var spec = app.Streams.First(s => s.Name == stream);
            w.WriteLine();
            w.WriteSummary($"Events of '{stream}'.");
            w.WriteLine($"public {Runtime}.IStreamReceiver<{spec.EventTypeName}> {receiver} {{ get; }}");
        }

        // Stabilise: what matched with the previous event now waits at the next step.
        w.WriteLine();
        if (plan.IsSequence)
        {
            w.WriteSummary("Before each event: only the partial matches the previous event advanced go on (a sequence allows nothing in between).");
            w.OpenBlock("private void Settle()");
            w.OpenBlock("for (var i = 1; i < _waiting.Length; i++)");
            w.WriteLine("(_waiting[i], _arrived[i]) = (_arrived[i], _waiting[i]);");
            w.WriteLine("_arrived[i].Clear();");
            w.CloseBlock();
            w.CloseBlock();
        }
        else
        {
            w.WriteSummary("Before each event: the partial matches that moved on with the previous event now wait at their next step.");
            w.OpenBlock("private void Settle()");
            w.OpenBlock("for (var i = 0; i < _waiting.Length; i++)");
            w.OpenBlock("if (_arrived[i].Count != 0)");
            w.WriteLine("_waiting[i].AddRange(_arrived[i]);");
            w.WriteLine("_arrived[i].Clear();");
            w.CloseBlock();
            w.CloseBlock();
            w.CloseBlock();
        }

        for (var k = 0; k < plan.Steps.Count; k++)
        {
            w.WriteLine();
            EmitStep(w, app, query, plan, k, slots, output);
        }

        foreach (var (stream, receiver) in Inputs(query))
        {
            var spec = app.Streams.First(s => s.Name == stream);
            var steps = Enumerable.Range(0, plan.Steps.Count).Where(k => slots[plan.Steps[k].Event].StreamName == stream).Reverse().ToList();
            w.WriteLine();
            w.WriteSummary(steps.Count > 1
                ? $"Each event of '{stream}' is offered to its steps from the last to the first."
                : $"Each event of '{stream}' is offered to its step.");
            w.OpenBlock($"private sealed class {receiver}Side({query.OperatorName} query) : {Runtime}.IStreamReceiver<{spec.EventTypeName}>");
            w.OpenBlock($"public void Receive(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{spec.EventTypeName}>> chunk)");
            w.OpenBlock("foreach (ref readonly var ev in chunk)");
            w.WriteLine("query.Settle();");
            foreach (var k in steps)
            {
                w.WriteLine($"query.Step{AppEmitter.Int(k)}(ev.Timestamp, in ev.Data);");
            }

            w.CloseBlock();
            w.CloseBlock();
            w.CloseBlock();
        }

        w.WriteLine();
        w.WriteSummary("A partial match: the events of the steps it has passed, and when its first event came.");
        w.OpenBlock("private sealed class Match");
        foreach (var step in plan.Steps)
        {
            var slot = slots[step.Event];
            var type = app.Streams.First(s => s.Name == slot.StreamName).EventTypeName;
            w.WriteLine($"public {type} {slot.Path};");
        }

        w.WriteLine("public long Start;");
        w.WriteLine();
        w.WriteLine("public Match Copy() => (Match)MemberwiseClone();");
        w.CloseBlock();
        w.CloseBlock();
    }

    private static void EmitStep(SourceWriter w, AppSpec app, QuerySpec query, PatternPlan plan, int k, Dictionary<int, StateEventSpec> slots, StreamSpec output)
    {
        var step = plan.Steps[k];
        var slot = slots[step.Event];
        var type = app.Streams.First(s => s.Name == slot.StreamName).EventTypeName;
        var isLast = k == plan.Steps.Count - 1;
        var within = query.State!.WithinMilliseconds;
        var keepsWaiting = k == 0 && plan.Start == PatternStart.EveryEvent;
        var e = new ExpressionEmitter("match", "row", "state");

        w.WriteSummary($"Step {k + 1} of {plan.Steps.Count}: {(slot.Alias is null ? string.Empty : slot.Alias + "=")}{slot.StreamName}.");
        w.OpenBlock($"private void Step{AppEmitter.Int(k)}(long timestamp, in {type} data)");
        w.WriteLine($"var waiting = _waiting[{AppEmitter.Int(k)}];");
        w.OpenBlock("for (var i = 0; i < waiting.Count; i++)");
        w.WriteLine("var match = waiting[i];");
        if (within is { } ms && k > 0)
        {
            w.OpenBlock($"if (timestamp - match.Start > {AppEmitter.Int(ms)}L)");
            w.WriteLine("// within: too long since the match's first event.");
            w.WriteLine("waiting.RemoveAt(i--);");
            if (plan.Start == PatternStart.EveryMatch && k <= plan.GroupEnd)
            {
                w.WriteLine("_arrived[0].Add(new Match()); // inside every (...): the start waits again");
            }

            w.WriteLine("continue;");
            w.CloseBlock();
            w.WriteLine();
        }

        // The candidate takes its slot, where the filters read it (e1.price, or price alone).
        w.WriteLine($"match.{slot.Path} = data;");
        if (step.Filters.Count > 0)
        {
            var conditions = step.Filters.Select(f => ExpressionEmitter.Parenthesize(e.Condition(f)));
            w.OpenBlock($"if (!({string.Join(" && ", conditions)}))");
            w.WriteLine("continue;");
            w.CloseBlock();
            w.WriteLine();
        }

        w.WriteLine(keepsWaiting ? "var next = match.Copy();" : "waiting.RemoveAt(i--);");
        var holder = keepsWaiting ? "next" : "match";
        if (k == 0)
        {
            w.WriteLine($"{holder}.Start = timestamp;");
        }

        if (plan.Start == PatternStart.EveryMatch && k == plan.GroupEnd)
        {
            w.WriteLine("_arrived[0].Add(new Match()); // every (...) completed: the start waits again");
        }

        if (isLast)
        {
            EmitOutput(w, query, output, slots, holder);
        }
        else
        {
            w.WriteLine($"_arrived[{AppEmitter.Int(k + 1)}].Add({holder});");
        }

        w.CloseBlock();
        w.CloseBlock();
    }

    private static void EmitOutput(SourceWriter w, QuerySpec query, StreamSpec output, Dictionary<int, StateEventSpec> slots, string holder)
    {
        var e = new ExpressionEmitter(holder, "row", "state");
        var selector = query.Selector;
        w.WriteLine($"var row = new {output.EventTypeName}({string.Join(", ", selector.Projections.Select(p => e.Emit(p.Expression)))});");
        if (selector.Having is { } having)
        {
            w.OpenBlock($"if ({e.Condition(having)})");
            w.WriteLine($"_output.EmitRow(new {Runtime}.StreamEvent<{output.EventTypeName}>(timestamp, row));");
            w.CloseBlock();
        }
        else
        {
            w.WriteLine($"_output.EmitRow(new {Runtime}.StreamEvent<{output.EventTypeName}>(timestamp, row));");
        }
    }

    private static string ReceiverName(string stream) => "From" + Binding.Identifiers.Pascal(stream.TrimStart('#', '!'));
}
