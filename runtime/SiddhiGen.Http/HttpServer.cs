using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http;

/// <summary>
/// One Kestrel listener per host:port (http or https), shared by the http and http-service sources whose <c>receiver.url</c> names it; requests
/// are routed by path. Unknown path: 404. Stopping the last source stops Kestrel gracefully (in-flight
/// requests finish first).
/// </summary>
internal sealed class HttpServer
{
    private static readonly Dictionary<(string Host, int Port), HttpServer> s_servers = [];
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private readonly (string Host, int Port) _key;
    private readonly HttpServerTls? _tls;

    private HttpServer((string Host, int Port) key, long maxRequestSize, HttpServerTls? tls)
    {
        _key = key;
        _tls = tls;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.Limits.MaxRequestBodySize = maxRequestSize;
            var address = key.Host is "0.0.0.0" or "*" or "+" ? IPAddress.Any : key.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(key.Host);
            options.Listen(address, key.Port, listen =>
            {
                if (tls is not null)
                {
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = tls.Certificate,
                        ClientCertificateMode = tls.ClientCertificates,
                        SslProtocols = tls.Protocols,
                    });
                }
            });
        });
        _app = builder.Build();
        _app.Run(DispatchAsync);
    }

    public int Port { get; private set; }

    public static async Task<HttpServer> AcquireAsync(string host, int port, long maxRequestSize, HttpServerTls? tls, CancellationToken cancellationToken)
    {
        HttpServer server;
        lock (s_servers)
        {
            if (port != 0 && s_servers.TryGetValue((host, port), out var existing))
            {
                return (existing._tls is null) == (tls is null)
                    ? existing
                    : throw new ConnectorConfigurationException($"{host}:{port} already serves {(existing._tls is null ? "http" : "https")}; http and https receivers need different ports.");
            }

            server = new HttpServer((host, port), maxRequestSize, tls);
            if (port != 0)
            {
                s_servers[(host, port)] = server;
            }
        }

        try
        {
            await server._app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (s_servers)
            {
                s_servers.Remove((host, port));
            }

            throw;
        }

        var addresses = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.Port = new Uri(addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port;
        return server;
    }

    public void Register(string path, Func<HttpContext, Task> handler)
    {
        if (!_routes.TryAdd(path, handler))
        {
            throw new ConnectorConfigurationException($"Another http source already receives on {_key.Host}:{_key.Port}{path}.");
        }
    }

    public async Task ReleaseAsync(string path, CancellationToken cancellationToken)
    {
        _routes.TryRemove(path, out _);
        lock (s_servers)
        {
            if (!_routes.IsEmpty)
            {
                return;
            }

            s_servers.Remove(_key);
        }

        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private Task DispatchAsync(HttpContext context)
    {
        var path = context.Request.Path.Value?.TrimEnd('/') ?? string.Empty;
        if (_routes.TryGetValue(path.Length == 0 ? "/" : path, out var handler))
        {
            return handler(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
