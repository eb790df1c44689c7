using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http.Client;

/// <summary>
/// What the <c>http</c> and <c>http-call</c> sinks share: one <see cref="HttpClient"/> with the TLS and proxy
/// settings of <see cref="HttpClientTls"/>, <c>socket.idle.timeout</c> (ms, default 6000 as in Siddhi) as the
/// time a request may take, the <c>method</c>, <c>headers</c> and Content-Type (json: application/json, xml:
/// application/xml, keyvalue: a form, otherwise text/plain, unless a header sets it), basic auth
/// (<c>basic.auth.username</c>/<c>basic.auth.password</c>) or OAuth 2.0 (<see cref="OAuth2Tokens"/>: a 401
/// renews the token and the request is sent once more), and <c>retry.count</c> retries <c>retry.interval</c> ms
/// apart (SiddhiGen options, default 0 / 1000) of a request that failed.
/// </summary>
internal sealed class HttpPublisher : IDisposable
{
    private readonly HttpClient _client;
    private readonly string _contentType;
    private readonly bool _textual;
    private readonly int _retries;
    private readonly TimeSpan _retryInterval;
    private readonly AuthenticationHeaderValue? _basic;
    private readonly OAuth2Tokens? _oauth;

    public HttpPublisher(SinkContext context)
    {
        var options = context.Options;
        _ = options.GetRequired("publisher.url");
        _client = new HttpClient(HttpClientTls.CreateHandler(options)) { Timeout = TimeSpan.FromMilliseconds(options.GetLong("socket.idle.timeout", 6000)) };
        _contentType = ContentTypeOf(context.Map.Type);
        _textual = _contentType is "application/json" or "application/xml" or "text/plain";
        _retries = options.GetInt("retry.count", 0);
        _retryInterval = TimeSpan.FromMilliseconds(options.GetLong("retry.interval", 1000));
        var user = options.Get("basic.auth.username");
        var password = options.Get("basic.auth.password");
        if (user is { Length: > 0 } || password is { Length: > 0 })
        {
            if (user is not { Length: > 0 } || password is null)
            {
                throw new ConnectorConfigurationException($"{char.ToUpperInvariant(options.Owner[0])}{options.Owner[1..]} needs both basic.auth.username and basic.auth.password.");
            }

            _basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        }
        else
        {
            _oauth = OAuth2Tokens.Create(_client, options);
        }
    }

    /// <summary>
    /// Sends <paramref name="message"/> and returns the response (the caller disposes it). Connection errors and
    /// timeouts are retried; so are answers outside 2xx when <paramref name="retryUnsuccessful"/>. What still
    /// fails throws a <see cref="PublishException"/>, or (<paramref name="retryUnsuccessful"/> false) returns the answer.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(SinkMessage message, bool retryUnsuccessful, CancellationToken cancellationToken)
    {
        var url = message.GetOption("publisher.url")!;
        var method = new HttpMethod((message.GetOption("method") ?? "POST").Trim().ToUpperInvariant());
        var body = Body(message);
        var headers = ConnectorOptions.ParsePairs(message.GetOption("headers"));
        for (var attempt = 0; ; attempt++)
        {
            Exception error;
            try
            {
                var response = await SendOnceAsync(method, url, body, headers, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Unauthorized && _oauth is not null)
                {
                    var rejected = response.RequestMessage?.Headers.Authorization?.Parameter;
                    response.Dispose();
                    await _oauth.RenewAsync(rejected, cancellationToken).ConfigureAwait(false);
                    response = await SendOnceAsync(method, url, body, headers, cancellationToken).ConfigureAwait(false);
                }

                if (response.IsSuccessStatusCode || !retryUnsuccessful)
                {
                    return response;
                }

                error = new PublishException($"{method} {url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                response.Dispose();
            }
            catch (HttpRequestException ex)
            {
                error = new PublishException($"{method} {url} failed: {ex.Message}", ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                error = new PublishException($"{method} {url} timed out after {_client.Timeout.TotalMilliseconds} ms (socket.idle.timeout).", ex);
            }

            if (attempt >= _retries)
            {
                throw error;
            }

            await Task.Delay(_retryInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string url, byte[] body, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        if (method != HttpMethod.Get && method != HttpMethod.Head)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(_contentType + (_textual ? "; charset=utf-8" : string.Empty));
        }

        request.Headers.Authorization = _basic ?? (_oauth is null ? null : await _oauth.GetAsync(cancellationToken).ConfigureAwait(false));
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

        return await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The Content-Type Siddhi derives from the sink mapper when no header sets it.</summary>
    public static string ContentTypeOf(string mapType) => mapType.ToLowerInvariant() switch
    {
        "json" => "application/json",
        "xml" => "application/xml",
        "keyvalue" => "application/x-www-form-urlencoded",
        "binary" or "avro" => "application/octet-stream",
        _ => "text/plain",
    };

    /// <summary>The body: the mapped text as UTF-8; a keyvalue map as a form (<c>a=1&amp;b=x</c>), as Siddhi sends it.</summary>
    public static byte[] Body(SinkMessage message) => message.Payload is IEnumerable<KeyValuePair<string, object?>> pairs
        ? Encoding.ASCII.GetBytes(string.Join("&", pairs.Select(p => WebUtility.UrlEncode(p.Key) + "=" + WebUtility.UrlEncode(SiddhiValues.Format(p.Value)))))
        : message.GetBytes();

    public void Dispose() => _client.Dispose();
}
