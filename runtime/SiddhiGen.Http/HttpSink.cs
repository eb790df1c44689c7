using System.Net.Http.Headers;
using System.Text;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http;

/// <summary>
/// <c>@sink(type='http', publisher.url='...', method='POST', headers="'k:v','k:v'", @map(...))</c> on
/// <see cref="HttpClient"/>. <c>publisher.url</c> and <c>headers</c> may hold <c>{{attr}}</c> templates;
/// <c>basic.auth.username</c>/<c>basic.auth.password</c> add basic auth; the Content-Type follows the mapper
/// (json: application/json, xml: application/xml, others text/plain) unless a header sets it. A response
/// outside 2xx or a connection error is retried <c>retry.count</c> times (default 0) <c>retry.interval</c> ms
/// apart (default 1000), then follows <c>on.error</c> (LOG, WAIT or STREAM).
/// </summary>
public sealed class HttpSink : SinkConnector
{
    private HttpClient _client = null!;
    private string _contentType = "text/plain";
    private int _retries;
    private TimeSpan _retryInterval;
    private AuthenticationHeaderValue? _authorization;

    public override Task ConnectAsync(SinkContext context, CancellationToken cancellationToken)
    {
        _ = context.Options.GetRequired("publisher.url");
        _client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = TimeSpan.FromSeconds(30) };
        _contentType = context.Map.Type.ToLowerInvariant() switch
        {
            "json" => "application/json",
            "xml" => "application/xml",
            _ => "text/plain",
        };
        _retries = context.Options.GetInt("retry.count", 0);
        _retryInterval = TimeSpan.FromMilliseconds(context.Options.GetLong("retry.interval", 1000));
        if (context.Options.Get("basic.auth.username") is { } user)
        {
            var password = context.Options.Get("basic.auth.password") ?? string.Empty;
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        }

        return Task.CompletedTask;
    }

    public override async ValueTask PublishAsync(SinkMessage message, CancellationToken cancellationToken)
    {
        var url = message.GetOption("publisher.url")!;
        var method = new HttpMethod((message.GetOption("method") ?? "POST").ToUpperInvariant());
        var body = message.GetBytes();
        var headers = ConnectorOptions.ParsePairs(message.GetOption("headers"));
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url);
            if (method != HttpMethod.Get && method != HttpMethod.Head)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(_contentType + "; charset=utf-8");
            }

            request.Headers.Authorization = _authorization;
            foreach (var (name, value) in headers)
            {
                if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase) && request.Content is not null)
                {
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
                }
                else if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    request.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }

            Exception error;
            try
            {
                using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                error = new PublishException($"{method} {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
            catch (HttpRequestException ex)
            {
                error = new PublishException($"{method} {url} failed: {ex.Message}", ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                error = new PublishException($"{method} {url} timed out.", ex);
            }

            if (attempt >= _retries)
            {
                throw error;
            }

            await Task.Delay(_retryInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task DisconnectAsync(CancellationToken cancellationToken)
    {
        _client?.Dispose();
        return Task.CompletedTask;
    }
}
