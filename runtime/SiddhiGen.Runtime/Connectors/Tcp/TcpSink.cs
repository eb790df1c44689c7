using System.Net.Sockets;

namespace SiddhiGen.Runtime.Connectors.Tcp;

/// <summary>
/// <c>@sink(type='tcp', url='tcp://host:port/context')</c>: sends each payload as a Siddhi TCP frame whose
/// channel id is the url's path. <c>tcp.no.delay</c> (true) and <c>keep.alive</c> (true) set the socket;
/// a lost connection is re-opened on the next publish (the failed publish follows <c>on.error</c>).
/// Payloads must be text or bytes: use a json, text, csv or xml mapper.
/// </summary>
public sealed class TcpSink : SinkConnector
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private TcpClient? _client;
    private NetworkStream? _stream;
    private string _host = string.Empty;
    private int _port;
    private string _channel = string.Empty;
    private bool _noDelay;
    private bool _keepAlive;
    private readonly string _session = Guid.NewGuid().ToString("N");

    public override async Task ConnectAsync(SinkContext context, CancellationToken cancellationToken)
    {
        if (context.Map.Is("passThrough") || context.Map.Is("keyvalue"))
        {
            throw new ConnectorConfigurationException($"The {context.Description} needs a text or binary mapper (json, text, csv, xml), not '{context.Map.Type}'.");
        }

        var url = context.Options.GetRequired("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "tcp")
        {
            throw new ConnectorConfigurationException($"Option 'url' of the {context.Description} must look like tcp://host:port/context, not '{url}'.");
        }

        _host = uri.Host;
        _port = uri.Port;
        _channel = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        _noDelay = context.Options.GetBool("tcp.no.delay", true);
        _keepAlive = context.Options.GetBool("keep.alive", true);
        await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask PublishAsync(SinkMessage message, CancellationToken cancellationToken)
    {
        var frame = TcpFraming.Encode(_session, _channel, message.GetBytes());
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _stream!.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
                await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                Close();
                throw new PublishException($"Sending to tcp://{_host}:{_port}/{_channel} failed: {ex.Message}", ex);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public override Task DisconnectAsync(CancellationToken cancellationToken)
    {
        Close();
        return Task.CompletedTask;
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { Connected: true })
        {
            return;
        }

        Close();
        var client = new TcpClient { NoDelay = _noDelay };
        client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, _keepAlive);
        try
        {
            await client.ConnectAsync(_host, _port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            client.Dispose();
            throw new PublishException($"Cannot connect to tcp://{_host}:{_port}: {ex.Message}", ex);
        }

        _client = client;
        _stream = client.GetStream();
    }

    private void Close()
    {
        _stream?.Dispose();
        _client?.Dispose();
        _stream = null;
        _client = null;
    }
}
