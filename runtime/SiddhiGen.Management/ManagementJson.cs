using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Management;

/// <summary>The management API's documents, written with <see cref="Utf8JsonWriter"/> so attribute values keep their Siddhi form.</summary>
internal sealed class ManagementJson(AppDirectory directory, StreamRates rates)
{
    public static IResult Document(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Results.Text(Encoding.UTF8.GetString(buffer.ToArray()), "application/json", Encoding.UTF8, status);
    }

    public static IResult Error(int status, string message, IEnumerable<string>? details = null) => Document(
        w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            if (details is not null)
            {
                w.WriteStartArray("details");
                foreach (var detail in details)
                {
                    w.WriteStringValue(detail);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        },
        status);

    /// <summary><c>{"name", "status", "startedAt", "uptimeSeconds", "processingErrors", "streams": [...], "connectors": [...]}</c></summary>
    public void WriteApp(Utf8JsonWriter w, SiddhiApp app, bool withStreams)
    {
        w.WriteStartObject();
        w.WriteString("name", app.Name);
        w.WriteString("status", app.IsRunning ? "running" : "stopped");
        if (directory.StartedAt(app) is { } started)
        {
            w.WriteString("startedAt", started);
        }
        else
        {
            w.WriteNull("startedAt");
        }

        w.WriteNumber("uptimeSeconds", Math.Round(directory.Uptime(app).TotalSeconds, 1));
        w.WriteBoolean("playback", app.IsPlayback);
        w.WriteNumber("processingErrors", app.ProcessingErrors);
        if (withStreams)
        {
            w.WriteStartArray("streams");
            foreach (var schema in app.Streams.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                WriteStream(w, app, schema);
            }

            w.WriteEndArray();
            w.WriteStartArray("connectors");
            foreach (var connector in app.GetConnectors().All)
            {
                w.WriteStartObject();
                w.WriteString("kind", connector.Kind.ToString().ToLowerInvariant());
                w.WriteString("stream", connector.Stream);
                w.WriteString("type", connector.Type);
                w.WriteString("state", connector.State.ToString().ToLowerInvariant());
                w.WriteBoolean("connected", connector.IsConnected);
                w.WriteNumber("events", connector.Events);
                w.WriteNumber("errors", connector.Errors);
                w.WriteString("lastError", connector.LastError);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary><c>{"name", "attributes": [{"name", "type"}], "eventsIn", "eventsOut", "errors", "inPerSecond", "outPerSecond", "inHistory", "outHistory"}</c></summary>
    public void WriteStream(Utf8JsonWriter w, SiddhiApp app, StreamSchema schema)
    {
        var counters = rates.Of(app.Name, schema.Name);
        var now = rates.NowSecond;
        w.WriteStartObject();
        w.WriteString("name", schema.Name);
        WriteAttributes(w, "attributes", schema);
        w.WriteNumber("eventsIn", counters.Total(CounterKind.In));
        w.WriteNumber("eventsOut", counters.Total(CounterKind.Out));
        w.WriteNumber("errors", counters.Total(CounterKind.Errors));
        w.WriteNumber("inPerSecond", Math.Round(counters.Rate(CounterKind.In, now), 3));
        w.WriteNumber("outPerSecond", Math.Round(counters.Rate(CounterKind.Out, now), 3));
        WriteHistory(w, "inHistory", counters.History(CounterKind.In, now));
        WriteHistory(w, "outHistory", counters.History(CounterKind.Out, now));
        w.WriteEndObject();
    }

    public static void WriteAttributes(Utf8JsonWriter w, string property, StreamSchema schema)
    {
        w.WriteStartArray(property);
        foreach (var attribute in schema.Attributes)
        {
            w.WriteStartObject();
            w.WriteString("name", attribute.Name);
            w.WriteString("type", attribute.Type.ToString().ToLowerInvariant());
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteHistory(Utf8JsonWriter w, string property, long[] counts)
    {
        w.WriteStartArray(property);
        foreach (var count in counts)
        {
            w.WriteNumberValue(count);
        }

        w.WriteEndArray();
    }
}
