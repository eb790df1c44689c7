using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http;

/// <summary>
/// <c>@source(type='http', receiver.url='http://host:port/path', basic.auth.enabled='false', @map(...))</c> on
/// Kestrel. Only POST is accepted: another method gets 405, an unknown path 404, wrong or missing credentials
/// (when <c>basic.auth.enabled='true'</c>, checked against <c>basic.auth.username</c>/<c>basic.auth.password</c>)
/// 401, an empty body or one the mapper cannot read 400 (and the stream's error policy), a body over
/// <c>max.request.size</c> bytes (default 10 MiB) 413, a request while the app is not running 503, and an
/// accepted request 200 with an empty body. Request headers are transport properties (<c>trp:Content-Type</c>).
/// The default receiver.url is <c>http://0.0.0.0:9763/&lt;AppName&gt;/&lt;StreamName&gt;</c>.
/// </summary>
public sealed class HttpSource : SourceConnector
{
    private const long DefaultMaxRequestSize = 10 * 1024 * 1024;
    private readonly DrainGate _gate = new();
    private HttpServer? _server;
    private string _path = "/";
    private SourceContext _context = null!;
    private string? _expectedAuthorization;
    private long _maxRequestSize;

    public override async Task StartAsync(SourceContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var url = context.Options.Get("receiver.url") ?? $"http://0.0.0.0:9763/{context.App.Name}/{context.Schema.Name}";
        if (!Uri.TryCreate(url.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ConnectorConfigurationException($"Option 'receiver.url' of the {context.Description} must be an http URL, not '{url}'.");
        }

        if (uri.Scheme == "https")
        {
            throw new ConnectorConfigurationException($"The {context.Description}: https receivers need TLS settings, which SiddhiGen does not support yet; use http.");
        }

        var host = url.Contains("0.0.0.0", StringComparison.Ordinal) ? "0.0.0.0" : uri.Host;
        _path = uri.AbsolutePath.TrimEnd('/');
        _path = _path.Length == 0 ? "/" : _path;
        _maxRequestSize = context.Options.GetLong("max.request.size", DefaultMaxRequestSize);
        if (context.Options.GetBool("basic.auth.enabled", false))
        {
            var user = context.Options.Get("basic.auth.username")
                ?? throw new ConnectorConfigurationException($"The {context.Description} has basic.auth.enabled='true' but no 'basic.auth.username'.");
            var password = context.Options.Get("basic.auth.password") ?? string.Empty;
            _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        }

        _server = await HttpServer.AcquireAsync(host, uri.Port, _maxRequestSize, cancellationToken).ConfigureAwait(false);
        _server.Register(_path, HandleAsync);
        context.SetConnected(true);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.CloseAsync(cancellationToken).ConfigureAwait(false);
        if (_server is not null)
        {
            await _server.ReleaseAsync(_path, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "POST";
            return;
        }

        if (_expectedAuthorization is not null && !string.Equals(request.Headers.Authorization.ToString(), _expectedAuthorization, StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers.WWWAuthenticate = "Basic realm=\"SiddhiGen\"";
            return;
        }

        if (!_gate.TryEnter())
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        try
        {
            byte[] body;
            try
            {
                if (request.ContentLength > _maxRequestSize)
                {
                    throw new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge);
                }

                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
                body = buffer.ToArray();
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                _context.Reject($"The request body is larger than max.request.size ({_maxRequestSize} bytes).", $"<{request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "more than " + _maxRequestSize} bytes>");
                response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            var transport = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers)
            {
                transport[header.Key] = header.Value.ToString();
            }

            var result = _context.Deliver(new SourceMessage(new ReadOnlyMemory<byte>(body), transport));
            response.StatusCode = result switch
            {
                DeliveryResult.Invalid => StatusCodes.Status400BadRequest,
                DeliveryResult.Unavailable => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status200OK,
            };
        }
        finally
        {
            _gate.Exit();
        }
    }
}
