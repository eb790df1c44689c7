using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit.Persistence;

/// <summary>
/// Writes the typed state code of generated types: a codec per event struct (one typed call per attribute, no
/// reflection or boxing), and the <c>WriteState</c>/<c>ReadState</c> pair of operators and aggregate states, built
/// from the lines each emitter contributes for the fields it declared.
/// </summary>
internal static class StateEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    /// <summary>The <c>IStatefulOperator</c> interface, for the base list of an operator class.</summary>
    public const string StatefulOperator = Runtime + ".IStatefulOperator";

    /// <summary>The writer call saving a value of <paramref name="type"/>.</summary>
    public static string Write(AttributeType type, string value) => $"writer.{Method(type, "Write")}({value});";

    /// <summary>The reader call reading a value of <paramref name="type"/>.</summary>
    public static string Read(AttributeType type) => $"reader.{Method(type, "Read")}()";

    private static string Method(AttributeType type, string verb) => verb + type switch
    {
        AttributeType.String => "String",
        AttributeType.Int => "NullableInt32",
        AttributeType.Long => "NullableInt64",
        AttributeType.Float => "NullableSingle",
        AttributeType.Double => "NullableDouble",
        AttributeType.Bool => "NullableBoolean",
        _ => "Object",
    };

    /// <summary>The codec of an event struct, nested in it: <c>XEvent.StateCodec.Instance</c>.</summary>
    public static void EmitCodec(SourceWriter w, StreamSpec stream)
    {
        var type = stream.EventTypeName;
        w.WriteLine();
        w.WriteSummary("Writes and reads the event in a snapshot, attribute by attribute.");
        w.OpenBlock($"public sealed class StateCodec : {Runtime}.IStateCodec<{type}>");
        w.WriteLine("public static readonly StateCodec Instance = new();");
        w.WriteLine();
        w.OpenBlock($"public void Write({Runtime}.StateWriter writer, in {type} value)");
        foreach (var a in stream.Attributes)
        {
            w.WriteLine(Write(a.Type, "value." + a.PropertyName));
        }

        w.CloseBlock();
        w.WriteLine();
        var reads = string.Join(", ", stream.Attributes.Select(a => Read(a.Type)));
        w.WriteLine($"public {type} Read({Runtime}.StateReader reader) => new({reads});");
        w.CloseBlock();
    }

    /// <summary>The codec expression of an event type.</summary>
    public static string Codec(string eventType) => eventType + ".StateCodec.Instance";

    /// <summary>The methods of an aggregate state class: each aggregator in order.</summary>
    public static void EmitAggregateState(SourceWriter w, SelectorSpec selector)
    {
        // An aggregator written in C# (an extension) implements only the aggregation contract, not a state form:
        // such a query refuses a snapshot rather than save part of its state.
        var extension = selector.Aggregators.FirstOrDefault(a => a.Extension is not null);
        var write = extension is null
            ? selector.Aggregators.Select(a => $"Aggregator{AppEmitter.Int(a.Index)}.WriteState(writer);").ToList()
            : new List<string>();
        var read = extension is null
            ? selector.Aggregators.Select(a => $"Aggregator{AppEmitter.Int(a.Index)}.ReadState(reader);").ToList()
            : new List<string>();
        var unsupported = extension is null ? null : $"aggregator '{extension.Name}' (a C# extension)";

        w.WriteLine();
        EmitMethod(w, $"public void WriteState({Runtime}.StateWriter writer)", write, unsupported);
        w.WriteLine();
        EmitMethod(w, $"public void ReadState({Runtime}.StateReader reader)", read, unsupported);
    }

    /// <summary>Lines saving a group key (a value tuple of the group-by attributes) held in <paramref name="key"/>.</summary>
    public static IEnumerable<string> WriteKey(SelectorSpec selector, string key) =>
        selector.GroupBy.Select((g, i) => Write(g.Type, $"{key}.Item{AppEmitter.Int(i + 1)}"));

    /// <summary>An expression reading a group key back.</summary>
    public static string ReadKey(SelectorSpec selector) =>
        $"new {QueryEmitter.GroupKeyType(selector)}({string.Join(", ", selector.GroupBy.Select(g => Read(g.Type)))})";

    /// <summary>The <c>WriteState</c>/<c>ReadState</c> pair of an operator from its parts' lines.</summary>
    public static void EmitMethods(SourceWriter w, StateLines lines)
    {
        w.WriteLine();
        w.WriteLine("// Snapshot: the operator's state, in a fixed order (buffers that are empty between events are not saved).");
        EmitMethod(w, $"public void WriteState({Runtime}.StateWriter writer)", lines.Write, lines.UnsupportedReason);
        w.WriteLine();
        EmitMethod(w, $"public void ReadState({Runtime}.StateReader reader)", lines.Read, lines.UnsupportedReason);
    }

    private static void EmitMethod(SourceWriter w, string signature, List<string> body, string? unsupported)
    {
        w.OpenBlock(signature);
        if (unsupported is not null)
        {
            w.WriteLine($"throw new {Runtime}.SnapshotException({SourceWriter.StringLiteral(unsupported + " has no snapshot support yet.")});");
        }
        else
        {
            foreach (var line in body)
            {
                w.WriteLine(line);
            }
        }

        w.CloseBlock();
    }

    /// <summary>
    /// The state lines of a query's group-by dictionary <c>_groups</c> (key to aggregate state) or single <c>_state</c>.
    /// </summary>
    public static void AddAggregates(StateLines lines, SelectorSpec selector)
    {
        if (selector.GroupBy.Count > 7)
        {
            lines.Unsupported("a group by of more than 7 attributes");
            return;
        }

        if (selector.GroupBy.Count > 0)
        {
            lines.Write.Add("writer.WriteCount(_groups.Count);");
            lines.Write.Add("foreach (var (key, group) in _groups)");
            lines.Write.Add("{");
            lines.Write.AddRange(WriteKey(selector, "key").Select(l => "    " + l));
            lines.Write.Add("    group.WriteState(writer);");
            lines.Write.Add("}");
            lines.Read.Add("_groups.Clear();");
            lines.Read.Add("for (int i = 0, count = reader.ReadCount(); i < count; i++)");
            lines.Read.Add("{");
            lines.Read.Add($"    var key = {ReadKey(selector)};");
            lines.Read.Add("    var group = new AggregateState();");
            lines.Read.Add("    group.ReadState(reader);");
            lines.Read.Add("    _groups.Add(key, group);");
            lines.Read.Add("}");
        }
        else if (selector.Aggregators.Count > 0)
        {
            lines.Write.Add("_state.WriteState(writer);");
            lines.Read.Add("_state.ReadState(reader);");
        }
    }

    /// <summary>The state lines of a runtime window field over events of <paramref name="eventType"/>.</summary>
    public static void AddWindow(StateLines lines, string field, string eventType)
    {
        lines.Write.Add($"{Runtime}.WindowState.Write({field}, writer, {Codec(eventType)});");
        lines.Read.Add($"{Runtime}.WindowState.Read({field}, reader, {Codec(eventType)});");
    }

    /// <summary>The pending timers of the operator itself (it is the clock's callback target).</summary>
    public static void AddTimers(StateLines lines)
    {
        lines.Write.Add("writer.WriteTimers(this);");
        lines.Read.Add("reader.ReadTimers(this);");
    }
}

/// <summary>The lines of an operator's <c>WriteState</c> and <c>ReadState</c>, collected part by part.</summary>
internal sealed class StateLines
{
    public List<string> Write { get; } = new();

    public List<string> Read { get; } = new();

    /// <summary>Set when a part has no snapshot form: both methods then only fail naming it, so nothing is saved half.</summary>
    public string? UnsupportedReason { get; private set; }

    public void Unsupported(string what) => UnsupportedReason ??= what;

    /// <summary>Adds a line to both methods' ends, for parts that write and read symmetrically by a call.</summary>
    public void Add(string write, string read)
    {
        Write.Add(write);
        Read.Add(read);
    }
}
