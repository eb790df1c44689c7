using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using SiddhiGen.Http.Client;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http;

/// <summary>
/// What the <c>http</c> and <c>http-service</c> sources share: <c>receiver.url</c> (default
/// <c>http://0.0.0.0:9763/&lt;AppName&gt;/&lt;StreamName&gt;</c>; <c>https</c> needs <c>keystore.file</c>, a
/// PKCS#12 or PEM server certificate with its key, and <c>keystore.password</c>; <c>ssl.verify.client</c>
/// <c>require</c>/<c>optional</c> asks for client certificates, <c>ssl.protocol</c> picks the TLS version),
/// basic auth, and the answers every receiver gives before its own: 405 for a method other than POST, 401 for
/// missing or wrong credentials, 503 while stopping, 413 for a body over <c>max.request.size</c> (default
/// 10 MiB, also to the error policy). Request headers become transport properties.
/// </summary>
public abstract class HttpReceiver : SourceConnector
{
    private const long DefaultMaxRequestSize = 10 * 1024 * 1024;
    private readonly DrainGate _gate = new();
    private HttpServer? _server;
    private string _path = "/";
    private string? _expectedAuthorization;
    private long _maxRequestSize;

    /// <summary>The source's context, set when it starts.</summary>
    protected SourceContext Context { get; private set; } = null!;

    public override async Task StartAsync(SourceContext context, CancellationToken cancellationToken)
    {
        Context = context;
        var url = context.Options.Get("receiver.url") ?? $"http://0.0.0.0:9763/{context.App.Name}/{context.Schema.Name}";
        if (!Uri.TryCreate(url.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ConnectorConfigurationException($"Option 'receiver.url' of the {context.Description} must be an http or https URL, not '{url}'.");
        }

        var tls = uri.Scheme == "https" ? Tls(context.Options) : null;
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

        await OnStartingAsync(cancellationToken).ConfigureAwait(false);
        _server = await HttpServer.AcquireAsync(host, uri.Port, _maxRequestSize, tls, cancellationToken).ConfigureAwait(false);
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

        await OnStoppedAsync().ConfigureAwait(false);
    }

    /// <summary>Runs before the listener opens (an http-service source registers its source.id).</summary>
    protected virtual Task OnStartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after the listener closed and in-flight requests finished.</summary>
    protected virtual Task OnStoppedAsync() => Task.CompletedTask;

    /// <summary>Answers one accepted POST (authorized, body read); sets the status code and body.</summary>
    protected abstract Task RespondAsync(HttpContext http, byte[] body, Dictionary<string, string?> transport);

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
                Context.Reject($"The request body is larger than max.request.size ({_maxRequestSize} bytes).", $"<{request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "more than " + _maxRequestSize} bytes>");
                response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            var transport = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers)
            {
                transport[header.Key] = header.Value.ToString();
            }

            await RespondAsync(http, body, transport).ConfigureAwait(false);
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <summary>The server certificate and client-certificate mode of an https receiver.</summary>
    private static HttpServerTls Tls(ConnectorOptions options)
    {
        var file = options.Get("keystore.file")
            ?? throw new ConnectorConfigurationException($"An https receiver.url needs option 'keystore.file' (a PKCS#12 or PEM server certificate with its key) on {options.Owner}.");
        var certificate = Certificates.Load(file, options.Get("keystore.password") ?? options.Get("certificate.password"), options.Owner);
        var mode = options.Get("ssl.verify.client")?.Trim().ToLowerInvariant() switch
        {
            null or "" or "none" or "false" => ClientCertificateMode.NoCertificate,
            "optional" => ClientCertificateMode.AllowCertificate,
            "require" => ClientCertificateMode.RequireCertificate,
            var other => throw new ConnectorConfigurationException($"Option 'ssl.verify.client' of {options.Owner} must be require or optional, not '{other}'."),
        };
        return new HttpServerTls(certificate, mode, HttpClientTls.Protocols(options.Get("ssl.protocol"), options.Owner));
    }
}

/// <summary>The TLS settings of an https listener.</summary>
internal sealed record HttpServerTls(X509Certificate2 Certificate, ClientCertificateMode ClientCertificates, System.Security.Authentication.SslProtocols Protocols);
