using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>Writes the creation of a stream's sources and sinks in the app constructor.</summary>
internal static class ConnectorEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    public static void Emit(SourceWriter w, AppSpec app, ConnectorSpec connector)
    {
        var stream = app.Streams.First(s => s.Name == connector.StreamName);
        var prefix = connector.Options.FirstOrDefault(o => o.Key == "prefix")?.Value;
        var priority = connector.Options.FirstOrDefault(o => o.Key == "priority")?.Value ?? "INFO";
        w.WriteLine(
            $"AddComponent(new {Runtime}.LogSink<{stream.EventTypeName}>({AppEmitter.StreamField(stream)}, static e => e.ToRow(), " +
            $"prefix: {(prefix is null ? "null" : SourceWriter.StringLiteral(prefix))}, priority: {SourceWriter.StringLiteral(priority)}));");
    }
}
