using SiddhiGen.Http.Client;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http;

/// <summary>
/// <c>@sink(type='http', publisher.url='...', method='POST', headers="'k:v','k:v'", @map(...))</c> on
/// <see cref="HttpClient"/> (http and https). <c>publisher.url</c> and <c>headers</c> may hold <c>{{attr}}</c>
/// templates. Auth, TLS, timeouts and retries: see <see cref="HttpPublisher"/>. A response outside 2xx or a
/// connection error that is still failing after the retries follows <c>on.error</c> (LOG, WAIT or STREAM).
/// </summary>
public sealed class HttpSink : SinkConnector
{
    private HttpPublisher? _publisher;

    public override Task ConnectAsync(SinkContext context, CancellationToken cancellationToken)
    {
        _publisher ??= new HttpPublisher(context);
        return Task.CompletedTask;
    }

    public override async ValueTask PublishAsync(SinkMessage message, CancellationToken cancellationToken)
    {
        using var response = await _publisher!.SendAsync(message, retryUnsuccessful: true, cancellationToken).ConfigureAwait(false);
    }

    public override Task DisconnectAsync(CancellationToken cancellationToken)
    {
        _publisher?.Dispose();
        return Task.CompletedTask;
    }
}
