using System.Buffers;
using MQTTnet;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Mqtt;

/// <summary>
/// <c>@source(type='mqtt', url='tcp://host:1883', topic='a,b/+', quality.of.service='1', @map(...))</c> on
/// MQTTnet (options: <see cref="MqttSettings"/>). Subscribes to each comma-separated topic filter; each message's
/// payload is one message for the mapper, acknowledged (QoS 1/2) after its events were processed. A lost
/// connection is re-established with back-off (1 s doubling to 30 s) and the topics subscribed again; with
/// <c>clean.session='false'</c> and a fixed <c>client.id</c> the broker keeps what arrived meanwhile.
/// Transport property: <c>trp:topic</c> (a SiddhiGen addition).
/// </summary>
public sealed class MqttSource : SourceConnector
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly DrainGate _gate = new();
    private IMqttClient? _client;
    private MqttClientOptions _options = null!;
    private MqttClientSubscribeOptions _subscription = null!;
    private SourceContext _context = null!;
    private Task _reconnect = Task.CompletedTask;

    public override async Task StartAsync(SourceContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _options = MqttSettings.ClientOptions(context.Options);
        var qos = MqttSettings.QualityOfService(context.Options.Get("quality.of.service"), context.Options.Owner);
        var topics = context.Options.GetRequired("topic").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var subscribe = new MqttClientFactory().CreateSubscribeOptionsBuilder();
        foreach (var topic in topics)
        {
            subscribe.WithTopicFilter(f => f.WithTopic(topic).WithQualityOfServiceLevel(qos));
        }

        _subscription = subscribe.Build();
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
        try
        {
            await ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // As with the other transports, an absent broker does not stop the app: the source keeps trying.
            context.ReportError($"The {context.Description} could not connect to {context.Options.Get("url")}: {ex.Message}; retrying.", ex);
            _reconnect = Task.Run(ReconnectLoopAsync);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        await _gate.CloseAsync(cancellationToken).ConfigureAwait(false);
        if (_client is not null)
        {
            _client.DisconnectedAsync -= OnDisconnectedAsync;
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            _client.Dispose();
        }

        await _reconnect.ConfigureAwait(false);
        _context.SetConnected(false);
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await _client!.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
        var result = await _client.SubscribeAsync(_subscription, cancellationToken).ConfigureAwait(false);
        foreach (var item in result.Items.Where(i => (int)i.ResultCode > 2))
        {
            _context.ReportError($"The {_context.Description}: the broker refused topic '{item.TopicFilter.Topic}' ({item.ResultCode}).");
        }

        _context.SetConnected(true);
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        if (!_gate.TryEnter())
        {
            e.ProcessingFailed = true;
            return Task.CompletedTask;
        }

        try
        {
            var transport = new Dictionary<string, string?>(StringComparer.Ordinal) { ["topic"] = e.ApplicationMessage.Topic };
            _context.Deliver(new SourceMessage(new ReadOnlyMemory<byte>(e.ApplicationMessage.Payload.ToArray()), transport));
        }
        finally
        {
            _gate.Exit();
        }

        return Task.CompletedTask;
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (_stopping.IsCancellationRequested || !e.ClientWasConnected)
        {
            return Task.CompletedTask;
        }

        _context.SetConnected(false);
        _context.ReportError($"The {_context.Description} lost its connection to {_context.Options.Get("url")} ({e.Reason}); reconnecting.", e.Exception);
        _reconnect = Task.Run(ReconnectLoopAsync);
        return Task.CompletedTask;
    }

    private async Task ReconnectLoopAsync()
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, _stopping.Token).ConfigureAwait(false);
                await ConnectAsync(_stopping.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
