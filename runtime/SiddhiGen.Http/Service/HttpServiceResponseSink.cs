using SiddhiGen.Http.Client;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http.Service;

/// <summary>
/// <c>@sink(type='http-service-response', source.id='x', message.id='{{messageId}}', headers="'k:v'", @map(...))</c>
/// (older name <c>http-response</c>): answers the request <c>message.id</c> waiting at the
/// <c>http-service</c> source with the same <c>source.id</c> with the mapped payload (Content-Type from the
/// mapper unless a header sets it). An answer for a request that no longer waits (answered already, timed out,
/// unknown id) fails and follows <c>on.error</c>.
/// </summary>
public sealed class HttpServiceResponseSink : SinkConnector
{
    private SinkContext _context = null!;
    private string _sourceId = null!;
    private string _contentType = "text/plain";

    public override bool PublishesSynchronously => true;

    public override Task ConnectAsync(SinkContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _sourceId = context.Options.GetRequired("source.id");
        _ = context.Options.GetRequired("message.id");
        _contentType = HttpPublisher.ContentTypeOf(context.Map.Type);
        return Task.CompletedTask;
    }

    public override ValueTask PublishAsync(SinkMessage message, CancellationToken cancellationToken)
    {
        var messageId = message.GetOption("message.id") ?? string.Empty;
        var headers = ConnectorOptions.ParsePairs(message.GetOption("headers"));
        var contentType = headers.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? _contentType;
        var reply = new HttpServiceReply(HttpPublisher.Body(message), contentType, headers.Where(h => !string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).ToList());
        var source = HttpServiceSource.Find(_context.App, _sourceId)
            ?? throw new PublishException($"No http-service source with source.id '{_sourceId}' is running; the answer to message '{messageId}' is dropped.");
        return source.TryAnswer(messageId, reply)
            ? ValueTask.CompletedTask
            : throw new PublishException($"No request with message.id '{messageId}' waits at the http-service source '{_sourceId}' (answered already, timed out or unknown).");
    }
}
