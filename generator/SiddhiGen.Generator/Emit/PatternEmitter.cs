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
        if (plan.Steps[0] is CountStateSpec { Min: 0 })
        {
            w.WriteLine("_waiting[1].Add(_waiting[0][0]); // <0:...>: the next step may come first");
        }

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
            w.OpenBlock("private void Settle(long timestamp)");
            w.OpenBlock("for (var i = 1; i < _waiting.Length; i++)");
            w.WriteLine("(_waiting[i], _arrived[i]) = (_arrived[i], _waiting[i]);");
            w.WriteLine("_arrived[i].Clear();");
            w.CloseBlock();
            EmitExpiry(w, query, plan);
            w.CloseBlock();
        }
        else
        {
            w.WriteSummary("Before each event: the partial matches that moved on with the previous event now wait at their next step.");
            w.OpenBlock("private void Settle(long timestamp)");
            w.OpenBlock("for (var i = 0; i < _waiting.Length; i++)");
            w.OpenBlock("if (_arrived[i].Count != 0)");
            w.WriteLine("_waiting[i].AddRange(_arrived[i]);");
            w.WriteLine("_arrived[i].Clear();");
            w.CloseBlock();
            w.CloseBlock();
            EmitExpiry(w, query, plan);
            w.CloseBlock();
        }

        var logicalSlots = new HashSet<int>(plan.Steps.OfType<LogicalStateSpec>().SelectMany(PatternPlan.Operands).Select(o => o.Event));
        for (var k = 0; k < plan.Steps.Count; k++)
        {
            foreach (var operand in PatternPlan.Operands(plan.Steps[k]))
            {
                w.WriteLine();
                EmitStep(w, app, query, plan, k, operand, slots, logicalSlots, output);
            }
        }

        foreach (var (stream, receiver) in Inputs(query))
        {
            var spec = app.Streams.First(s => s.Name == stream);
            var consumers = Enumerable.Range(0, plan.Steps.Count).Reverse()
                .SelectMany(k => PatternPlan.Operands(plan.Steps[k]).Where(o => slots[o.Event].StreamName == stream).Select(o => StepName(plan, k, o)))
                .ToList();
            w.WriteLine();
            w.WriteSummary(consumers.Count > 1
                ? $"Each event of '{stream}' is offered to its steps from the last to the first."
                : $"Each event of '{stream}' is offered to its step.");
            w.OpenBlock($"private sealed class {receiver}Side({query.OperatorName} query) : {Runtime}.IStreamReceiver<{spec.EventTypeName}>");
            w.OpenBlock($"public void Receive(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{spec.EventTypeName}>> chunk)");
            w.OpenBlock("foreach (ref readonly var ev in chunk)");
            w.WriteLine("query.Settle(ev.Timestamp);");
            foreach (var step in consumers)
            {
                w.WriteLine($"query.{step}(ev.Timestamp, in ev.Data);");
            }

            w.CloseBlock();
            w.CloseBlock();
            w.CloseBlock();
        }

        w.WriteLine();
        w.WriteSummary("A partial match: the events of the steps it has passed, and when its first event came.");
        w.OpenBlock("private sealed class Match");
        foreach (var operand in plan.Steps.SelectMany(PatternPlan.Operands))
        {
            var slot = slots[operand.Event];
            var type = app.Streams.First(s => s.Name == slot.StreamName).EventTypeName;
            w.WriteLine($"public {type} {slot.Path};");
            if (logicalSlots.Contains(operand.Event))
            {
                w.WriteLine($"public bool Has{slot.Path};");
            }

            if (CountingSlots(plan).Contains(operand.Event))
            {
                w.WriteLine($"public global::System.Collections.Generic.List<{type}> {slot.Path}Collected = new();");
                w.WriteLine($"public bool {slot.Path}Sealed; // the next step took the match: no more collecting");
            }
        }

        w.WriteLine("public long Start;");
        w.WriteLine("public bool Started;");
        if (ReArmsOnExpiry(query, plan))
        {
            w.WriteLine("public bool Expired;");
        }

        w.WriteLine();
        var collected = plan.Steps.OfType<CountStateSpec>().Select(c => slots[c.Element.Event].Path).ToList();
        if (collected.Count == 0)
        {
            w.WriteLine("public Match Copy() => (Match)MemberwiseClone();");
        }
        else
        {
            w.OpenBlock("public Match Copy()");
            w.WriteLine("var copy = (Match)MemberwiseClone();");
            foreach (var path in collected)
            {
                w.WriteLine($"copy.{path}Collected = new({path}Collected);");
            }

            w.WriteLine("return copy;");
            w.CloseBlock();
        }
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>
    /// <c>within t</c>: before each event, partial matches whose first event is more than t older are dropped; one
    /// inside <c>every (...)</c> lets the start wait again, in time for this event.
    /// </summary>
    private static void EmitExpiry(SourceWriter w, QuerySpec query, PatternPlan plan)
    {
        if (query.State!.WithinMilliseconds is not { } within)
        {
            return;
        }

        w.WriteLine();
        w.OpenBlock("for (var k = 0; k < _waiting.Length; k++)");
        w.WriteLine("var waiting = _waiting[k];");
        w.OpenBlock("for (var i = 0; i < waiting.Count; i++)");
        w.WriteLine("var match = waiting[i];");
        w.OpenBlock($"if (match.Started && timestamp - match.Start > {AppEmitter.Int(within)}L)");
        w.WriteLine("waiting.RemoveAt(i--);");
        if (ReArmsOnExpiry(query, plan))
        {
            w.WriteLine("// A match still collecting also waits at the next step: it lets the start wait again only once.");
            w.OpenBlock($"if (k <= {AppEmitter.Int(plan.GroupEnd)} && !match.Expired)");
            w.WriteLine("_waiting[0].Add(new Match());");
            w.CloseBlock();
            w.WriteLine("match.Expired = true;");
        }

        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>
    /// <c>every (...) within t</c>: an expired match lets the start wait again, once; only then does a match
    /// carry an <c>Expired</c> flag (a field nothing reads would be a C# warning in the user's build).
    /// </summary>
    private static bool ReArmsOnExpiry(QuerySpec query, PatternPlan plan) =>
        query.State!.WithinMilliseconds is not null && plan.Start == PatternStart.EveryMatch;

    /// <summary><c>Step0</c> for one event, <c>Step1Left</c>/<c>Step1Right</c> for the operands of <c>and</c>/<c>or</c>.</summary>
    private static string StepName(PatternPlan plan, int k, StreamStateSpec operand) =>
        "Step" + AppEmitter.Int(k) + (plan.Steps[k] is LogicalStateSpec logical ? (ReferenceEquals(logical.Left, operand) ? "Left" : "Right") : string.Empty);

    private static void EmitStep(
        SourceWriter w, AppSpec app, QuerySpec query, PatternPlan plan, int k, StreamStateSpec operand, Dictionary<int, StateEventSpec> slots, HashSet<int> logicalSlots, StreamSpec output)
    {
        var slot = slots[operand.Event];
        var type = app.Streams.First(s => s.Name == slot.StreamName).EventTypeName;
        var isLast = k == plan.Steps.Count - 1;
        var keepsWaiting = k == 0 && plan.Start == PatternStart.EveryEvent;
        var logical = plan.Steps[k] as LogicalStateSpec;
        var partner = logical is null ? null : slots[(ReferenceEquals(logical.Left, operand) ? (StreamStateSpec)logical.Right : (StreamStateSpec)logical.Left).Event];
        var e = new ExpressionEmitter("match", "row", "state")
        {
            SlotIsEmpty = position => logicalSlots.Contains(position) ? "!match.Has" + slots[position].Path : null,
            CollectedAttribute = r => Collected(plan, slots, "match", r),
        };
        if (plan.Steps[k] is CountStateSpec count)
        {
            EmitCountingStep(w, plan, k, count, slot, type, e);
            return;
        }

        var what = logical is null ? string.Empty : (logical.Operator == LogicalStateOperator.And ? ", with " : ", or ") + (partner!.Alias ?? partner.StreamName);
        w.WriteSummary($"Step {k + 1} of {plan.Steps.Count}: {(slot.Alias is null ? string.Empty : slot.Alias + "=")}{slot.StreamName}{what}.");
        w.OpenBlock($"private void {StepName(plan, k, operand)}(long timestamp, in {type} data)");
        w.WriteLine($"var waiting = _waiting[{AppEmitter.Int(k)}];");
        w.OpenBlock("for (var i = 0; i < waiting.Count; i++)");
        w.WriteLine("var match = waiting[i];");
        if (logical?.Operator == LogicalStateOperator.And)
        {
            w.OpenBlock($"if (match.Has{slot.Path})");
            w.WriteLine("continue; // and: the first matching event of each side counts");
            w.CloseBlock();
            w.WriteLine();
        }

        // The candidate takes its slot, where the filters read it (e1.price, or price alone).
        w.WriteLine($"match.{slot.Path} = data;");
        if (operand.Filters.Count > 0)
        {
            var conditions = operand.Filters.Select(f => ExpressionEmitter.Parenthesize(e.Condition(f)));
            w.OpenBlock($"if (!({string.Join(" && ", conditions)}))");
            if (logical is not null)
            {
                w.WriteLine($"match.{slot.Path} = default;");
            }

            w.WriteLine("continue;");
            w.CloseBlock();
            w.WriteLine();
        }

        if (logical is not null)
        {
            w.WriteLine($"match.Has{slot.Path} = true;");
        }

        if (logical?.Operator == LogicalStateOperator.And)
        {
            w.OpenBlock($"if (!match.Has{partner!.Path})");
            w.WriteLine("// Half of the and: the match waits for the other side (this very event may be it).");
            if (k == 0)
            {
                w.WriteLine("match.Start = timestamp;");
                w.WriteLine("match.Started = true;");
            }
            else if (plan.IsSequence)
            {
                // In a sequence this event advanced the match: it lives on to the next event.
                w.WriteLine("waiting.RemoveAt(i--);");
                w.WriteLine($"_arrived[{AppEmitter.Int(k)}].Add(match);");
            }

            w.WriteLine("continue;");
            w.CloseBlock();
            w.WriteLine();
        }

        w.WriteLine(keepsWaiting ? "var next = match.Copy();" : "waiting.RemoveAt(i--);");
        var holder = keepsWaiting ? "next" : "match";
        if (k > 0 && plan.Steps[k - 1] is CountStateSpec previous)
        {
            w.WriteLine($"{holder}.{slots[previous.Element.Event].Path}Sealed = true;");
        }
        if (k == 0)
        {
            if (logical?.Operator != LogicalStateOperator.And)
            {
                w.WriteLine($"{holder}.Start = timestamp;");
                w.WriteLine($"{holder}.Started = true;");
            }
        }

        if (plan.Start == PatternStart.EveryMatch && k == plan.GroupEnd)
        {
            w.WriteLine("_arrived[0].Add(new Match()); // every (...) completed: the start waits again");
        }

        if (isLast)
        {
            EmitOutput(w, query, plan, output, slots, logicalSlots, holder);
        }
        else
        {
            EmitForward(w, plan, k, holder);
        }

        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>The match goes on to step k + 1; past a counting step that may be empty (<c>&lt;0:n&gt;</c>), to the one after too.</summary>
    private static void EmitForward(SourceWriter w, PatternPlan plan, int k, string holder)
    {
        w.WriteLine($"_arrived[{AppEmitter.Int(k + 1)}].Add({holder});");
        if (plan.Steps[k + 1] is CountStateSpec { Min: 0 })
        {
            w.WriteLine($"_arrived[{AppEmitter.Int(k + 2)}].Add({holder}); // <0:...>: the step after may come first");
        }
    }

    /// <summary>
    /// A counting step <c>e=S[c]&lt;min:max&gt;</c>: each matching event joins the slot's collection; at <c>min</c>
    /// events the match goes on to the next step, yet keeps collecting (the next step sees the new events) until
    /// <c>max</c> or until the next step takes it.
    /// </summary>
    private static void EmitCountingStep(SourceWriter w, PatternPlan plan, int k, CountStateSpec count, StateEventSpec slot, string type, ExpressionEmitter e)
    {
        var max = count.Max < 0 ? "no maximum" : AppEmitter.Int(count.Max);
        w.WriteSummary($"Step {k + 1} of {plan.Steps.Count}: {(slot.Alias is null ? string.Empty : slot.Alias + "=")}{slot.StreamName}, {AppEmitter.Int(count.Min)} to {max} events.");
        w.OpenBlock($"private void Step{AppEmitter.Int(k)}(long timestamp, in {type} data)");
        w.WriteLine($"var waiting = _waiting[{AppEmitter.Int(k)}];");
        w.OpenBlock("for (var i = 0; i < waiting.Count; i++)");
        w.WriteLine("var match = waiting[i];");
        w.OpenBlock($"if (match.{slot.Path}Sealed)");
        w.WriteLine("waiting.RemoveAt(i--);");
        w.WriteLine("continue;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"var last = match.{slot.Path};");
        w.WriteLine($"match.{slot.Path} = data;");
        if (count.Element.Filters.Count > 0)
        {
            var conditions = count.Element.Filters.Select(f => ExpressionEmitter.Parenthesize(e.Condition(f)));
            w.OpenBlock($"if (!({string.Join(" && ", conditions)}))");
            w.WriteLine($"match.{slot.Path} = last;");
            w.WriteLine("continue;");
            w.CloseBlock();
            w.WriteLine();
        }

        w.WriteLine($"match.{slot.Path}Collected.Add(data);");
        w.WriteLine($"var collected = match.{slot.Path}Collected.Count;");
        if (k == 0)
        {
            w.OpenBlock("if (collected == 1)");
            w.WriteLine("match.Start = timestamp;");
            w.WriteLine("match.Started = true;");
            w.CloseBlock();
        }

        if (count.Min > 0)
        {
            w.OpenBlock($"if (collected == {AppEmitter.Int(count.Min)})");
            if (plan.Start == PatternStart.EveryMatch && k == plan.GroupEnd)
            {
                w.WriteLine("_arrived[0].Add(new Match()); // every (...) completed: the start waits again");
            }

            EmitForward(w, plan, k, "match");
            w.CloseBlock();
        }

        if (count.Max >= 0)
        {
            w.OpenBlock($"if (collected == {AppEmitter.Int(count.Max)})");
            w.WriteLine("waiting.RemoveAt(i--); // full");
            w.CloseBlock();
        }

        w.CloseBlock();
        w.CloseBlock();
    }

    private static HashSet<int> CountingSlots(PatternPlan plan) => new(plan.Steps.OfType<CountStateSpec>().Select(c => c.Element.Event));

    /// <summary><c>e1[0].price</c>, <c>e1[last].price</c> of a counting slot: a collected event's attribute, null past the end.</summary>
    private static string? Collected(PatternPlan plan, Dictionary<int, StateEventSpec> slots, string holder, StateAttributeRefSpec reference)
    {
        if (!CountingSlots(plan).Contains(reference.Event))
        {
            return null;
        }

        var path = slots[reference.Event].Path;
        var attribute = reference.PropertyName.Substring(path.Length + 1);
        var list = $"{holder}.{path}Collected";
        var offset = AppEmitter.Int(reference.Index.Offset);
        var at = reference.Index.FromLast ? $"{list}.Count - 1 - {offset}" : offset;
        return $"({list}.Count > {offset} ? {list}[{at}].{attribute} : null)";
    }

    private static void EmitOutput(SourceWriter w, QuerySpec query, PatternPlan plan, StreamSpec output, Dictionary<int, StateEventSpec> slots, HashSet<int> logicalSlots, string holder)
    {
        var e = new ExpressionEmitter(holder, "row", "state")
        {
            SlotIsEmpty = position => logicalSlots.Contains(position) ? $"!{holder}.Has" + slots[position].Path : null,
            CollectedAttribute = r => Collected(plan, slots, holder, r),
        };
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
