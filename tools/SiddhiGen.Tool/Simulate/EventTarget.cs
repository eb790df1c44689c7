using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors.Mapping;

namespace SiddhiGen.Tool.Simulate;

/// <summary>
/// Where simulated events go: the management API (<c>POST {url}/apps/{app}/streams/{stream}</c>, one row
/// as a JSON array, the stream's schema read from the API) or an <c>http</c> source with the json mapper
/// (<c>{"event": {...}}</c>, the schema given with <c>--attributes</c>).
/// </summary>
public sealed class EventTarget : IDisposable
{
    private readonly HttpClient _client;
    private readonly Uri _endpoint;
    private readonly bool _httpSource;

    private EventTarget(HttpClient client, Uri endpoint, StreamSchema schema, bool httpSource)
    {
        _client = client;
        _endpoint = endpoint;
        Schema = schema;
        _httpSource = httpSource;
    }

    public StreamSchema Schema { get; }

    public string Description => _httpSource ? $"http source {_endpoint}" : $"{_endpoint}";

    /// <summary>The management API target; <paramref name="app"/> may be null when exactly one app runs there.</summary>
    public static async Task<EventTarget> ManagementAsync(string url, string? app, string stream, AuthenticationHeaderValue? auth, CancellationToken ct)
    {
        var client = Client(auth);
        var baseUri = new Uri(url.TrimEnd('/') + "/");
        try
        {
            if (app is null)
            {
                var apps = await GetJsonAsync(client, new Uri(baseUri, "apps"), ct).ConfigureAwait(false) as JsonArray ?? [];
                app = apps.Count == 1 ? (string?)apps[0]!["name"] : throw new SimulationException(
                    apps.Count == 0 ? $"No app runs at {baseUri}." : $"Several apps run at {baseUri} ({string.Join(", ", apps.Select(a => (string?)a!["name"]))}): choose one with --app.");
            }

            var streams = await GetJsonAsync(client, new Uri(baseUri, $"apps/{Uri.EscapeDataString(app!)}/streams"), ct).ConfigureAwait(false) as JsonArray ?? [];
            var found = streams.FirstOrDefault(s => (string?)s!["name"] == stream)
                ?? throw new SimulationException($"App '{app}' has no stream '{stream}' (it has {string.Join(", ", streams.Select(s => (string?)s!["name"]))}).");
            var attributes = found["attributes"]!.AsArray()
                .Select(a => new StreamAttribute((string)a!["name"]!, Enum.Parse<SiddhiType>((string)a["type"]!, ignoreCase: true)));
            var schema = new StreamSchema(stream, [.. attributes]);
            return new EventTarget(client, new Uri(baseUri, $"apps/{Uri.EscapeDataString(app!)}/streams/{Uri.EscapeDataString(stream)}"), schema, httpSource: false);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>An <c>http</c> source at <paramref name="url"/>; <paramref name="attributes"/> is <c>name:type,...</c>.</summary>
    public static EventTarget HttpSource(string url, string stream, string attributes, AuthenticationHeaderValue? auth)
    {
        var schema = new StreamSchema(stream, [.. attributes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseAttribute)]);
        return new EventTarget(Client(auth), new Uri(url), schema, httpSource: true);
    }

    /// <summary>Sends one event; throws <see cref="SimulationException"/> with the server's reason when it is refused.</summary>
    public async Task SendAsync(object?[] row, long? timestamp, CancellationToken ct)
    {
        var uri = timestamp is { } t && !_httpSource ? new Uri(_endpoint + "?timestamp=" + t.ToString(System.Globalization.CultureInfo.InvariantCulture)) : _endpoint;
        using var content = new StringContent(Body(row), Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(uri, content, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            string reason;
            try
            {
                reason = (string?)JsonNode.Parse(text)?["error"] ?? text;
            }
            catch (JsonException)
            {
                reason = text;
            }

            throw new SimulationException($"{(int)response.StatusCode} {response.ReasonPhrase}: {reason}".TrimEnd(' ', ':'));
        }
    }

    public void Dispose() => _client.Dispose();

    private string Body(object?[] row)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (_httpSource)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("event");
                for (var i = 0; i < row.Length; i++)
                {
                    writer.WritePropertyName(Schema.Attributes[i].Name);
                    JsonValues.WriteValue(writer, row[i]);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteStartArray();
                foreach (var value in row)
                {
                    JsonValues.WriteValue(writer, value);
                }

                writer.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static StreamAttribute ParseAttribute(string text)
    {
        var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && Enum.TryParse<SiddhiType>(parts[1], ignoreCase: true, out var type)
            ? new StreamAttribute(parts[0], type)
            : throw new UsageException($"--attributes entries are name:type (string, int, long, float, double, bool, object), not '{text}'.");
    }

    private static HttpClient Client(AuthenticationHeaderValue? auth)
    {
        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = auth;
        return client;
    }

    private static async Task<JsonNode?> GetJsonAsync(HttpClient client, Uri uri, CancellationToken ct)
    {
        using var response = await client.GetAsync(uri, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SimulationException($"GET {uri}: {(int)response.StatusCode} {response.ReasonPhrase} {text}".TrimEnd());
        }

        return JsonNode.Parse(text);
    }
}

/// <summary>A simulation that cannot go on (target unreachable, unknown stream, refused event).</summary>
public sealed class SimulationException(string message) : Exception(message);
