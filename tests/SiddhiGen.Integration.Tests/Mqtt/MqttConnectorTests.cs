using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

using SiddhiGen.Integration.Tests.Apps.MqttApp;

namespace SiddhiGen.Integration.Tests.Mqtt;

/// <summary>The mqtt source and sink against MQTTnet's broker on 127.0.0.1, with a second MQTT client as the peer.</summary>
[Category("mqtt")]
public sealed class MqttConnectorTests
{
    private int _port;
    private MqttServer _broker = null!;
    private RecordingLoggerFactory _logs = null!;
    private MqttApp _app = null!;
    private IMqttClient _peer = null!;
    private ConcurrentQueue<(string Topic, string Payload, bool Retain)> _received = null!;

    [SetUp]
    public async Task SetUp()
    {
        _port = Ports.Free();
        _broker = await StartBrokerAsync(_port);
        _logs = new RecordingLoggerFactory();
        _app = new MqttApp(new SiddhiAppOptions { LoggerFactory = _logs, Variables = new Dictionary<string, string> { ["MQTT_PORT"] = _port.ToString() } });
        _received = new ConcurrentQueue<(string, string, bool)>();
        _peer = await ConnectPeerAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.StopAsync();
        _app.Dispose();
        _peer.Dispose();
        await _broker.StopAsync();
        _broker.Dispose();
    }

    private static async Task<MqttServer> StartBrokerAsync(int port)
    {
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(port)
            .WithPersistentSessions()
            .Build();
        var broker = factory.CreateMqttServer(options);
        await broker.StartAsync();
        return broker;
    }

    private async Task<IMqttClient> ConnectPeerAsync()
    {
        var peer = new MqttClientFactory().CreateMqttClient();
        peer.ApplicationMessageReceivedAsync += e =>
        {
            _received.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray()), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
        await peer.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _port).WithClientId("peer-" + Guid.NewGuid().ToString("N")[..8]).Build());
        await peer.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder().WithTopicFilter("alerts/#", MqttQualityOfServiceLevel.ExactlyOnce).WithTopicFilter("log").Build());
        return peer;
    }

    private Task PublishAsync(string topic, string payload, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce) =>
        _peer.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).Build());

    private ConnectorRuntime Source => _app.GetConnectors().Sources.Single();

    private ConnectorRuntime Sink(string stream) => _app.GetConnectors().Sinks.Single(s => s.Stream == stream);

    [Test]
    public async Task MessagesOnEveryFilteredTopicAndQosAreReceivedAndAlertsPublishedToTemplatedTopics()
    {
        var readings = new ConcurrentQueue<ReadingsEvent>();
        _app.Readings.Subscribe(readings.Enqueue);
        await _app.StartAsync();
        await Wait.UntilAsync(() => Source.IsConnected, "the source to subscribe");

        await PublishAsync("sensors/kitchen/temp", """{"event":{"room":"kitchen","temp":31.5}}""", MqttQualityOfServiceLevel.AtMostOnce);
        await PublishAsync("sensors/hall/temp", """{"event":{"room":"hall","temp":20}}""", MqttQualityOfServiceLevel.AtLeastOnce);
        await PublishAsync("sensors/legacy", """{"room":"attic","temp":35}""", MqttQualityOfServiceLevel.ExactlyOnce);
        await PublishAsync("sensors/hall/humidity", """{"room":"hall","temp":99}"""); // not subscribed

        await Wait.ForCountAsync(_received, 2, "the alerts");
        Assert.That(readings.Select(r => r.Room), Is.EquivalentTo(new[] { "kitchen", "hall", "attic" }));
        Assert.That(_received.Select(r => (r.Topic, r.Payload)).OrderBy(r => r.Topic), Is.EqualTo(new[]
        {
            ("alerts/attic", """{"event":{"room":"attic","temp":35}}"""),
            ("alerts/kitchen", """{"event":{"room":"kitchen","temp":31.5}}"""),
        }));

        _app.Notes.Send(new NotesEvent("hall", 20));
        await Wait.ForCountAsync(_received, 3, "the QoS 0 note");
        Assert.That(_received.Last(), Is.EqualTo(("log", "room:\"hall\",temp:20", false)));
    }

    [Test]
    public async Task AMalformedMessageGoesToTheErrorPolicyAndTheNextOneIsProcessed()
    {
        var readings = new ConcurrentQueue<ReadingsEvent>();
        _app.Readings.Subscribe(readings.Enqueue);
        await _app.StartAsync();
        await Wait.UntilAsync(() => Source.IsConnected, "the source to subscribe");

        await PublishAsync("sensors/kitchen/temp", "{\"event\":{\"room\":");
        await PublishAsync("sensors/kitchen/temp", """{"room":"kitchen","temp":"hot"}""");
        await PublishAsync("sensors/kitchen/temp", """{"room":"kitchen","temp":21}""");

        await Wait.ForCountAsync(readings, 1, "the valid reading");
        Assert.That(Source.Errors, Is.EqualTo(2));
        Assert.That(_logs.Errors, Has.Some.Contains("\"temp\":\"hot\""), "the rejected payload is logged");
    }

    [Test]
    public async Task ABrokerThatGoesAwayIsReconnectedAndNothingIsLost()
    {
        var readings = new ConcurrentQueue<ReadingsEvent>();
        _app.Readings.Subscribe(readings.Enqueue);
        await _app.StartAsync();
        await Wait.UntilAsync(() => Source.IsConnected, "the source to subscribe");

        await _broker.StopAsync();
        _broker.Dispose();
        await Wait.UntilAsync(() => !Source.IsConnected, "the source to notice the broker went away");
        _app.ManualAlerts.Send(new ManualAlertsEvent("cellar", 40)); // the sink waits (on.error='WAIT')
        _app.ManualAlerts.Send(new ManualAlertsEvent("roof", 41));
        // The sink notices a lost broker on its next publish, which can take the client's own timeout on a loaded machine.
        await Wait.UntilAsync(() => Sink("Alerts").State == ConnectorState.Retrying, "the sink to retry", TimeSpan.FromSeconds(60));

        _broker = await StartBrokerAsync(_port);
        _peer.Dispose();
        _received.Clear();
        _peer = await ConnectPeerAsync(); // the alerts are retained: the peer gets them whenever the sink got through
        await Wait.UntilAsync(() => Source.IsConnected, "the source to reconnect and subscribe again", TimeSpan.FromSeconds(40));
        await PublishAsync("sensors/kitchen/temp", """{"room":"kitchen","temp":22}""");

        await Wait.ForCountAsync(readings, 1, "a reading after the reconnect");
        await Wait.ForCountAsync(_received, 2, "the alerts sent while the broker was away");
        Assert.That(_received.Select(r => r.Topic).Order(), Is.EqualTo(new[] { "alerts/cellar", "alerts/roof" }));
        Assert.That(Source.Errors, Is.GreaterThanOrEqualTo(1), "the lost connection was reported");
    }
}
