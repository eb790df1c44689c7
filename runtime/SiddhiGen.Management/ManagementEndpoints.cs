using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;
using SiddhiGen.Runtime.Evaluator;

namespace SiddhiGen.Management;

/// <summary>The handlers behind <c>MapSiddhi</c>: apps, streams, sending events, on-demand queries, errors.</summary>
internal sealed class ManagementEndpoints(AppDirectory directory, StreamRates rates, RecentErrors errors)
{
    /// <summary>The <c>siddhi.connector</c> tag of events sent through the API, so they count as events in.</summary>
    public const string ConnectorTag = "management";

    private readonly ManagementJson _json = new(directory, rates);

    public IResult ListApps() => ManagementJson.Document(w =>
    {
        w.WriteStartArray();
        foreach (var app in directory.Apps)
        {
            _json.WriteApp(w, app, withStreams: false);
        }

        w.WriteEndArray();
    });

    public IResult GetApp(string app) => directory.Find(app) is { } found
        ? ManagementJson.Document(w => _json.WriteApp(w, found, withStreams: true))
        : NoApp(app);

    public IResult ListStreams(string app)
    {
        if (directory.Find(app) is not { } found)
        {
            return NoApp(app);
        }

        return ManagementJson.Document(w =>
        {
            w.WriteStartArray();
            foreach (var schema in found.Streams.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                _json.WriteStream(w, found, schema);
            }

            w.WriteEndArray();
        });
    }

    /// <summary>Sends one event or a batch (see <see cref="JsonRows"/>) into a stream, timestamped by the app's clock or <c>?timestamp=</c> (epoch ms).</summary>
    public async Task<IResult> SendAsync(string app, string stream, HttpRequest request)
    {
        if (directory.Find(app) is not { } found)
        {
            return NoApp(app);
        }

        if (found.GetSchema(stream) is not { } schema)
        {
            return ManagementJson.Error(StatusCodes.Status404NotFound, $"App '{app}' has no stream '{stream}'.");
        }

        List<object?[]> rows;
        try
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            rows = JsonRows.Read(body, schema);
        }
        catch (Exception ex) when (ex is JsonException or MappingException)
        {
            return Rejected(app, StatusCodes.Status400BadRequest, $"Events for '{app}.{stream}' rejected: {ex.Message}");
        }

        var timestamp = found.Clock.Now;
        if (request.Query["timestamp"].ToString() is { Length: > 0 } given && !long.TryParse(given, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out timestamp))
        {
            return Rejected(app, StatusCodes.Status400BadRequest, $"The timestamp '{given}' is not epoch milliseconds.");
        }

        if (!found.IsRunning)
        {
            return Rejected(app, StatusCodes.Status409Conflict, $"App '{app}' is not running; {rows.Count} event(s) for '{stream}' were not sent.");
        }

        try
        {
            found.SendChunk(stream, timestamp, rows);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Rejected(app, StatusCodes.Status500InternalServerError, $"Sending to '{app}.{stream}' failed: {ex.GetType().Name}: {ex.Message}");
        }

        ConnectorMetrics.EventsIn.Add(rows.Count, new TagList { { "siddhi.app", app }, { "siddhi.stream", stream }, { "siddhi.connector", ConnectorTag } });
        return ManagementJson.Document(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("accepted", rows.Count);
            w.WriteEndObject();
        });
    }

    /// <summary>Runs an on-demand query: body <c>{"query": "from T select *"}</c> or the query as plain text.</summary>
    public async Task<IResult> QueryAsync(string app, HttpRequest request)
    {
        if (directory.Find(app) is not { } found)
        {
            return NoApp(app);
        }

        string? query;
        using (var reader = new StreamReader(request.Body))
        {
            query = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                query = JsonNode.Parse(query)?["query"]?.GetValue<string>();
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                return Rejected(app, StatusCodes.Status400BadRequest, "The query body must be {\"query\": \"...\"}: " + ex.Message);
            }
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return Rejected(app, StatusCodes.Status400BadRequest, "The query is empty.");
        }

        try
        {
            var schema = found.GetQueryOutputSchema(query);
            var rows = found.Query(query);
            return ManagementJson.Document(w =>
            {
                w.WriteStartObject();
                ManagementJson.WriteAttributes(w, "columns", schema);
                w.WritePropertyName("rows");
                JsonRows.WriteRows(w, rows);
                w.WriteEndObject();
            });
        }
        catch (SiddhiQLException ex)
        {
            errors.Add("Warning", "SiddhiGen.Management." + app, "Query rejected: " + ex.Message);
            return ManagementJson.Error(StatusCodes.Status400BadRequest, ex.Message, ex.Errors.Select(e => e.ToString()));
        }
        catch (NotSupportedException ex)
        {
            return Rejected(app, StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    public IResult RecentErrors() => ManagementJson.Document(w =>
    {
        w.WriteStartArray();
        foreach (var error in errors.Snapshot())
        {
            w.WriteStartObject();
            w.WriteString("time", error.Time);
            w.WriteString("level", error.Level);
            w.WriteString("category", error.Category);
            w.WriteString("message", error.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private IResult Rejected(string app, int status, string message)
    {
        errors.Add("Warning", "SiddhiGen.Management." + app, message);
        return ManagementJson.Error(status, message);
    }

    private static IResult NoApp(string app) => ManagementJson.Error(StatusCodes.Status404NotFound, $"No Siddhi app named '{app}' runs here.");
}
