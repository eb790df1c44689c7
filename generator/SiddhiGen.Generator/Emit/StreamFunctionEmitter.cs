using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes a stream function that adds attributes: the operator receives the stream's events, extends
/// each with the computed attributes, and runs the rest of the query over the extended events.
/// </summary>
internal static class StreamFunctionEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    public static void EmitReceive(SourceWriter w, AppSpec app, QuerySpec query)
    {
        var function = query.Input.Function!;
        var original = app.Streams.First(s => s.Name == query.Input.StreamName);
        var e = new ExpressionEmitter("ev.Data", "row", "state");
        var args = function.Arguments.Select(a => $"(double?){ExpressionEmitter.Parenthesize(e.Emit(a))}").ToList();
        var copied = original.Attributes.Select(a => "ev.Data." + a.PropertyName);

        w.WriteLine($"// #{function.Name}: each event gets its Cartesian coordinates (theta in degrees), then the query goes on.");
        w.OpenBlock($"public void Receive(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{original.EventTypeName}>> chunk)");
        w.WriteLine("_extended.Clear();");
        w.OpenBlock("foreach (ref readonly var ev in chunk)");
        w.WriteLine($"var (x, y) = {Runtime}.SiddhiFunctions.PolarToCartesian({args[0]}, {args[1]});");
        var added = args.Count == 3 ? $"x, y, {args[2]}" : "x, y";
        w.WriteLine($"_extended.Add(ev.Timestamp, new Extended({string.Join(", ", copied)}, {added}), ev.Kind);");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("ReceiveExtended(_extended.Span);");
        w.CloseBlock();
        w.WriteLine();
    }

    public static void EmitExtendedEvent(SourceWriter w, StreamFunctionSpec function)
    {
        w.WriteLine();
        w.WriteSummary($"An event after #{function.Name}: the stream's attributes, then the ones it adds.");
        var parameters = string.Join(", ", function.Extended.Attributes.Select(a => $"{TypeNames.Nullable(a.Type)} {a.PropertyName}"));
        w.WriteLine($"private readonly record struct Extended({parameters});");
    }
}
