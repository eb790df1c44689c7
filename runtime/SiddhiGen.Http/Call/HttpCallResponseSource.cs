using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http.Call;

/// <summary>
/// <c>@source(type='http-call-response', sink.id='x', http.status.code='2\\d+', @map(...))</c> (older name
/// <c>http-response</c>): receives the responses of the <c>http-call</c> sink with the same <c>sink.id</c> in
/// the same app whose status code matches the regular expression <c>http.status.code</c> (whole code, default
/// <c>200</c>). Several sources may share a sink.id with different codes; a response goes to the first that
/// matches. Transport properties: the attributes of the event that made the call (<c>trp:name</c>), the
/// response headers (<c>trp:Content-Type</c>, all of them as <c>trp:headers</c>) and <c>trp:http.status.code</c>.
/// </summary>
public sealed class HttpCallResponseSource : SourceConnector
{
    private static readonly ConcurrentDictionary<(SiddhiApp App, string SinkId), ImmutableSources> s_sources = new();
    private readonly DrainGate _gate = new();
    private SourceContext _context = null!;
    private Regex _statusCode = null!;
    private (SiddhiApp, string) _key;

    public override Task StartAsync(SourceContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var sinkId = context.Options.GetRequired("sink.id");
        var pattern = context.Options.Get("http.status.code", "200");
        try
        {
            _statusCode = new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw new ConnectorConfigurationException($"Option 'http.status.code' of {context.Options.Owner} is not a regular expression: {ex.Message}", ex);
        }

        _ = context.Options.GetBool("allow.streaming.responses", false);
        _key = (context.App, sinkId);
        s_sources.AddOrUpdate(_key, _ => new ImmutableSources([this]), (_, list) => new ImmutableSources([.. list.Items, this]));
        context.SetConnected(true);
        return Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        s_sources.AddOrUpdate(_key, _ => new ImmutableSources([]), (_, list) => new ImmutableSources([.. list.Items.Where(s => s != this)]));
        await _gate.CloseAsync(cancellationToken).ConfigureAwait(false);
        _context.SetConnected(false);
    }

    /// <summary>The running source of <paramref name="app"/>'s <paramref name="sinkId"/> that takes <paramref name="statusCode"/>, if any.</summary>
    internal static HttpCallResponseSource? Find(SiddhiApp app, string sinkId, int statusCode)
    {
        var code = statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return s_sources.TryGetValue((app, sinkId), out var list) ? list.Items.FirstOrDefault(s => s._statusCode.IsMatch(code)) : null;
    }

    /// <summary>Maps one response into the stream (the stream's error policy has what cannot be mapped).</summary>
    internal DeliveryResult Deliver(in SourceMessage message)
    {
        if (!_gate.TryEnter())
        {
            return DeliveryResult.Unavailable;
        }

        try
        {
            return _context.Deliver(message);
        }
        finally
        {
            _gate.Exit();
        }
    }

    private sealed record ImmutableSources(HttpCallResponseSource[] Items);
}
