using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http.Service;

/// <summary>
/// <c>@source(type='http-service', receiver.url='...', source.id='x', connection.timeout='120000', @map(...))</c>
/// (older name <c>http-request</c>): a request/response endpoint. Each POST gets a message id
/// (<c>trp:messageId</c>) and waits for the <c>http-service-response</c> sink with the same <c>source.id</c> to
/// answer it (status 200 with the sink's payload); without an answer within <c>connection.timeout</c> ms it gets
/// 504, logged and counted. Receiving as the <c>http</c> source (<see cref="HttpReceiver"/>): 400 for a message
/// the mapper cannot read, 500 when processing its events failed.
/// </summary>
public sealed class HttpServiceSource : HttpReceiver
{
    private static readonly ConcurrentDictionary<(SiddhiApp App, string SourceId), HttpServiceSource> s_sources = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<HttpServiceReply>> _waiting = new(StringComparer.Ordinal);
    private (SiddhiApp, string) _key;
    private TimeSpan _timeout;

    protected override Task OnStartingAsync(CancellationToken cancellationToken)
    {
        var sourceId = Context.Options.GetRequired("source.id");
        _timeout = TimeSpan.FromMilliseconds(Context.Options.GetLong("connection.timeout", 120000));
        _key = (Context.App, sourceId);
        if (!s_sources.TryAdd(_key, this))
        {
            throw new ConnectorConfigurationException($"Another http-service source of app '{Context.App.Name}' already has source.id '{sourceId}'.");
        }

        return Task.CompletedTask;
    }

    protected override Task OnStoppedAsync()
    {
        s_sources.TryRemove(new KeyValuePair<(SiddhiApp, string), HttpServiceSource>(_key, this));
        return Task.CompletedTask;
    }

    /// <summary>The running http-service source of <paramref name="app"/> with <paramref name="sourceId"/>, if any.</summary>
    internal static HttpServiceSource? Find(SiddhiApp app, string sourceId) => s_sources.TryGetValue((app, sourceId), out var source) ? source : null;

    /// <summary>Answers the request <paramref name="messageId"/>; false when no such request waits (answered, timed out, unknown).</summary>
    internal bool TryAnswer(string messageId, HttpServiceReply reply) =>
        _waiting.TryRemove(messageId, out var waiting) && waiting.TrySetResult(reply);

    protected override async Task RespondAsync(HttpContext http, byte[] body, Dictionary<string, string?> transport)
    {
        var messageId = Guid.NewGuid().ToString();
        transport["messageId"] = messageId;
        var waiting = new TaskCompletionSource<HttpServiceReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[messageId] = waiting; // before delivering: the answer may come while the events are processed
        var result = Context.Deliver(new SourceMessage(new ReadOnlyMemory<byte>(body), transport));
        if (result != DeliveryResult.Accepted)
        {
            _waiting.TryRemove(messageId, out _);
            http.Response.StatusCode = result switch
            {
                DeliveryResult.Invalid => StatusCodes.Status400BadRequest,
                DeliveryResult.Unavailable => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            };
            return;
        }

        HttpServiceReply reply;
        try
        {
            reply = await waiting.Task.WaitAsync(_timeout, http.RequestAborted).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _waiting.TryRemove(messageId, out _);
            Context.ReportError($"No http-service-response sink answered message '{messageId}' of source.id '{_key.Item2}' within {_timeout.TotalMilliseconds} ms (connection.timeout); the client got 504.");
            http.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
            return;
        }
        catch (OperationCanceledException)
        {
            _waiting.TryRemove(messageId, out _);
            return; // the client went away
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers)
        {
            http.Response.Headers[name] = value;
        }

        await http.Response.Body.WriteAsync(reply.Body, http.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>An answer of the http-service-response sink: body, Content-Type and extra headers.</summary>
internal sealed record HttpServiceReply(byte[] Body, string ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers);
