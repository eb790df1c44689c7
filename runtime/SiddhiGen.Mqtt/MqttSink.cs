using MQTTnet;
using MQTTnet.Protocol;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Mqtt;

/// <summary>
/// <c>@sink(type='mqtt', url='tcp://host:1883', topic='alerts/{{room}}', quality.of.service='1', message.retain='false', @map(...))</c>
/// on MQTTnet (options: <see cref="MqttSettings"/>). <c>topic</c>, <c>quality.of.service</c> and
/// <c>message.retain</c> may hold templates. A publish waits for the broker's acknowledgement (QoS 1/2); a
/// refused publish or a lost connection fails it, and <c>on.error</c> applies (with WAIT the sink reconnects
/// and publishes again, so nothing is lost).
/// </summary>
public sealed class MqttSink : SinkConnector
{
    private IMqttClient? _client;
    private MqttClientOptions _options = null!;
    private SinkContext _context = null!;

    public override async Task ConnectAsync(SinkContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _options ??= MqttSettings.ClientOptions(context.Options);
        _ = context.Options.GetRequired("topic");
        if (_client is null)
        {
            _client = new MqttClientFactory().CreateMqttClient();
            _client.DisconnectedAsync += e =>
            {
                context.SetConnected(false);
                return Task.CompletedTask;
            };
        }

        if (!_client.IsConnected)
        {
            await _client.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
        }

        context.SetConnected(true);
    }

    public override async ValueTask PublishAsync(SinkMessage message, CancellationToken cancellationToken)
    {
        if (_client is not { IsConnected: true })
        {
            _context.SetConnected(false);
            throw new PublishException($"The {_context.Description} is not connected to {_context.Options.Get("url")}.");
        }

        var topic = message.GetOption("topic")!;
        var qos = MqttSettings.QualityOfService(message.GetOption("quality.of.service"), _context.Options.Owner);
        var retain = bool.TryParse(message.GetOption("message.retain"), out var r) && r;
        var mqttMessage = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(message.GetBytes())
            .WithQualityOfServiceLevel(qos)
            .WithRetainFlag(retain)
            .Build();
        MqttClientPublishResult result;
        try
        {
            result = await _client.PublishAsync(mqttMessage, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _context.SetConnected(_client.IsConnected);
            throw new PublishException($"Publishing to MQTT topic '{topic}' failed: {ex.Message}", ex);
        }

        if (!result.IsSuccess && result.ReasonCode != MqttClientPublishReasonCode.NoMatchingSubscribers)
        {
            throw new PublishException($"The MQTT broker refused the message to topic '{topic}': {result.ReasonCode} {result.ReasonString}");
        }
    }

    public override async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (_client is not null)
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            _client.Dispose();
        }
    }
}
