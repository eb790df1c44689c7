using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SiddhiGen.Runtime.Connectors.Tcp;

/// <summary>
/// <c>@source(type='tcp', context='...')</c>: receives Siddhi TCP frames (see <see cref="TcpFraming"/>) whose
/// channel id is <c>context</c> (default <c>AppName/StreamName</c>). Siddhi sets the server's host and port
/// as system parameters (0.0.0.0:9892); here they are the options <c>host</c> and <c>port</c> (same defaults).
/// Sources on one host:port share a listener. Payloads go to the mapper as bytes.
/// </summary>
public sealed class TcpSource : SourceConnector
{
    private readonly DrainGate _gate = new();
    private TcpServer? _server;
    private string _channel = string.Empty;

    /// <summary>The port the listener is bound to (useful with <c>port='0'</c>).</summary>
    public int BoundPort => _server?.Port ?? 0;

    public override Task StartAsync(SourceContext context, CancellationToken cancellationToken)
    {
        var host = context.Options.Get("host", "0.0.0.0");
        var port = context.Options.GetInt("port", 9892);
        var maxSize = context.Options.GetInt("max.message.size", TcpFraming.MaxFrameSize);
        _channel = context.Options.Get("context") ?? $"{context.App.Name}/{context.Schema.Name}";
        _server = TcpServer.Acquire(host, port, context.Logger);
        _server.Register(_channel, maxSize, frame =>
        {
            if (!_gate.TryEnter())
            {
                return;
            }

            try
            {
                if (frame.Payload is null)
                {
                    context.Reject($"A TCP message of {frame.Size} bytes is larger than max.message.size ({maxSize} bytes).", $"<{frame.Size} bytes>");
                }
                else
                {
                    context.Deliver(new SourceMessage(new ReadOnlyMemory<byte>(frame.Payload)));
                }
            }
            finally
            {
                _gate.Exit();
            }
        });
        context.SetConnected(true);
        return Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.CloseAsync(cancellationToken).ConfigureAwait(false);
        if (_server is not null)
        {
            await _server.ReleaseAsync(_channel).ConfigureAwait(false);
        }
    }
}

/// <summary>One listening socket shared by the tcp sources of a host:port, dispatching frames by channel id.</summary>
internal sealed class TcpServer
{
    private static readonly Dictionary<(string, int), TcpServer> s_servers = [];
    private readonly ConcurrentDictionary<string, (int MaxSize, Action<TcpFrame> Deliver)> _channels = new(StringComparer.Ordinal);
    private readonly TcpListener _listener;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, Task> _clients = new();
    private readonly (string, int) _key;
    private readonly Task _accept;

    private TcpServer((string Host, int Port) key, ILogger logger)
    {
        _key = key;
        _logger = logger;
        _listener = new TcpListener(IPAddress.Parse(key.Host), key.Port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accept = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public static TcpServer Acquire(string host, int port, ILogger logger)
    {
        lock (s_servers)
        {
            if (port != 0 && s_servers.TryGetValue((host, port), out var existing))
            {
                return existing;
            }

            var server = new TcpServer((host, port), logger);
            s_servers[(host, server.Port)] = server;
            return server;
        }
    }

    public void Register(string channel, int maxSize, Action<TcpFrame> deliver)
    {
        if (!_channels.TryAdd(channel, (maxSize, deliver)))
        {
            throw new ConnectorConfigurationException($"Another tcp source already listens on {_key.Item1}:{Port} with context '{channel}'.");
        }
    }

    public async Task ReleaseAsync(string channel)
    {
        _channels.TryRemove(channel, out _);
        lock (s_servers)
        {
            if (!_channels.IsEmpty)
            {
                return;
            }

            s_servers.Remove((_key.Item1, Port));
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        foreach (var client in _clients.Keys)
        {
            client.Dispose();
        }

        try
        {
            await Task.WhenAll(_clients.Values.Append(_accept)).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException or IOException or TimeoutException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _clients[client] = Task.Run(() => ReadAsync(client));
        }
    }

    private async Task ReadAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                while (!_stop.IsCancellationRequested)
                {
                    var maxSize = _channels.IsEmpty ? TcpFraming.MaxFrameSize : _channels.Values.Max(c => c.MaxSize);
                    var frame = await TcpFraming.ReadAsync(stream, maxSize, _stop.Token).ConfigureAwait(false);
                    if (frame is null)
                    {
                        return;
                    }

                    if (_channels.TryGetValue(frame.Channel, out var channel))
                    {
                        channel.Deliver(frame.Payload is not null && frame.Payload.Length > channel.MaxSize ? frame with { Payload = null } : frame);
                    }
                    else
                    {
                        _logger.LogWarning("A TCP frame for context '{Channel}' arrived on port {Port}, where no tcp source listens to it; it was dropped.", frame.Channel, Port);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            _logger.LogError("Closed a TCP connection on port {Port}: {Error}", Port, ex.Message);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or IOException or SocketException)
        {
        }
        finally
        {
            _clients.TryRemove(client, out _);
        }
    }
}
