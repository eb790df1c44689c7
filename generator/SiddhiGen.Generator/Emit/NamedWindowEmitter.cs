using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes the operator of a named window: inserted events go through the window, and what it emits
/// (filtered by the window's <c>output ... events</c>) is published to the window's stream, kinds
/// kept, so the queries reading it aggregate expired and reset events correctly.
/// </summary>
internal static class NamedWindowEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    public static void Emit(SourceWriter w, AppSpec app, NamedWindowSpec window)
    {
        var stream = app.Streams.First(s => s.Name == window.Name);
        var e = stream.EventTypeName;
        var code = WindowEmitter.Build(window.Window, stream, window.OutputType != OutputEventType.Current, findable: true);

        w.WriteComment(window.Text);
        w.OpenBlock($"private sealed class {window.OperatorName} : {Runtime}.IStreamReceiver<{e}>" + (code.UsesTimers ? $", {Runtime}.ITimerTarget" : "") + ", " + Persistence.StateEmitter.StatefulOperator);
        w.WriteLine($"private readonly {Runtime}.InputStream<{e}> _output;");
        w.WriteLine($"private readonly {code.TypeName} _window;");
        w.WriteLine($"private readonly {Runtime}.WindowOutput<{e}> _windowOutput = new();");
        w.WriteLine($"private readonly {Runtime}.EventBuffer<{e}> _published = new();");

        w.WriteLine();
        w.OpenBlock($"public {window.OperatorName}({Runtime}.SiddhiApp app, {Runtime}.InputStream<{e}> output)");
        w.WriteLine("_output = output;");
        w.WriteLine($"_window = new({code.Construction});");
        w.CloseBlock();
        w.WriteLine();

        w.WriteSummary("What the window holds now: what joins and on-demand queries find.");
        w.WriteLine($"public global::System.ReadOnlySpan<{Runtime}.StreamEvent<{e}>> Contents => _window.Contents;");
        w.WriteLine();
        w.OpenBlock($"public void Receive(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{e}>> chunk)");
        w.WriteLine("_windowOutput.Clear();");
        w.WriteLine("_window.Process(chunk, _windowOutput);");
        w.WriteLine("Publish();");
        w.CloseBlock();
        w.WriteLine();

        if (code.UsesTimers)
        {
            w.OpenBlock("public void OnTimer(long dueTime)");
            w.WriteLine("_windowOutput.Clear();");
            w.WriteLine("_window.OnTimer(dueTime, _windowOutput);");
            w.WriteLine("Publish();");
            w.CloseBlock();
            w.WriteLine();
        }

        // Readers see only the kinds the window outputs, never its resets: Siddhi hands them just those events.
        var passes = window.OutputType switch
        {
            OutputEventType.Current => $"ev.Kind == {Runtime}.EventKind.Current",
            OutputEventType.Expired => $"ev.Kind == {Runtime}.EventKind.Expired",
            _ => $"ev.Kind is {Runtime}.EventKind.Current or {Runtime}.EventKind.Expired",
        };
        w.WriteLine("// Each chunk the window emits reaches the queries reading it as one chunk.");
        w.OpenBlock("private void Publish()");
        w.OpenBlock("for (var i = 0; i < _windowOutput.ChunkCount; i++)");
        w.WriteLine("_published.Clear();");
        w.OpenBlock("foreach (ref readonly var ev in _windowOutput.GetChunk(i))");
        w.OpenBlock($"if ({passes})");
        w.WriteLine("_published.Add(in ev);");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("_output.Publish(_published.Span);");
        w.CloseBlock();
        w.CloseBlock();

        if (code.HelperLines.Count > 0)
        {
            w.WriteLine();
            foreach (var line in code.HelperLines)
            {
                w.WriteLine(line);
            }
        }

        var state = new Persistence.StateLines();
        Persistence.StateEmitter.AddWindow(state, "_window", e);
        if (code.UsesTimers)
        {
            Persistence.StateEmitter.AddTimers(state);
        }

        Persistence.StateEmitter.EmitMethods(w, state);
        w.CloseBlock();
    }
}
