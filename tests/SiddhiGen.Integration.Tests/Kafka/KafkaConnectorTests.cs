using Confluent.Kafka;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

using SiddhiGen.Integration.Tests.Apps.KafkaApp;

namespace SiddhiGen.Integration.Tests.Kafka;

/// <summary>
/// The kafka source and sink against librdkafka's in-process mock cluster (<c>test.mock.num.brokers</c>), a
/// real Kafka protocol implementation on loopback. Messages go to partition 0 so their order holds.
/// </summary>
[Category("kafka")]
[NonParallelizable]
public sealed class KafkaConnectorTests
{
    private IAdminClient _mock = null!;
    private string _bootstrap = null!;

    [OneTimeSetUp]
    public void StartMockCluster()
    {
        // The mock cluster lives as long as this client; its brokers' address comes from the metadata.
        var config = new AdminClientConfig { BootstrapServers = "127.0.0.1:1" };
        config.Set("test.mock.num.brokers", "1");
        _mock = new AdminClientBuilder(config).Build();
        var metadata = _mock.GetMetadata(TimeSpan.FromSeconds(10));
        _bootstrap = string.Join(",", metadata.Brokers.Select(b => $"{b.Host}:{b.Port}"));
    }

    [OneTimeTearDown]
    public void StopMockCluster() => _mock.Dispose();

    private KafkaApp CreateApp(string name, RecordingLoggerFactory logs) => new(new SiddhiAppOptions
    {
        LoggerFactory = logs,
        Variables = new Dictionary<string, string> { ["KAFKA"] = _bootstrap, ["IN_TOPIC"] = name + "-in", ["OUT_TOPIC"] = name + "-out" },
    });

    private void Produce(string topic, params string[] values)
    {
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = _bootstrap }).Build();
        foreach (var value in values)
        {
            producer.Produce(new TopicPartition(topic, 0), new Message<Null, string> { Value = value });
        }

        producer.Flush(TimeSpan.FromSeconds(10));
    }

    private List<(string? Key, string Value)> Consume(string topic, int count)
    {
        using var consumer = new ConsumerBuilder<string?, string>(new ConsumerConfig { BootstrapServers = _bootstrap, GroupId = "reader-" + Guid.NewGuid(), AutoOffsetReset = AutoOffsetReset.Earliest }).Build();
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var result = new List<(string?, string)>();
        var deadline = DateTime.UtcNow + Wait.Timeout;
        while (result.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: { } m })
            {
                result.Add((m.Key, m.Value));
            }
        }

        return result;
    }

    [Test]
    public async Task EventsRoundTripThroughKafkaAndBadMessagesReachTheErrorPolicy()
    {
        var logs = new RecordingLoggerFactory();
        using var app = CreateApp("roundtrip", logs);
        await app.StartAsync();
        Produce("roundtrip-in", """{"symbol":"WSO2","price":55.5}""", "not json", """{"event":{"symbol":"IBM","price":5}}""", """{"symbol":"MSFT","price":300}""");

        var output = Consume("roundtrip-out", 2);
        var source = app.GetConnectors().Sources.Single();
        await Wait.UntilAsync(() => source.Events + source.Errors == 4, "the four messages to be consumed; log: " + string.Join(" | ", logs.Entries.Select(e => e.Message)));
        await app.StopAsync();

        Assert.That(output, Is.EqualTo(new[]
        {
            ((string?)"WSO2", """{"event":{"symbol":"WSO2","price":55.5}}"""),
            ("MSFT", """{"event":{"symbol":"MSFT","price":300}}"""),
        }));
        Assert.That((source.Events, source.Errors), Is.EqualTo((3L, 1L)));
        Assert.That(logs.Errors.Single(), Does.Contain("not json"));
        Assert.That(source.IsConnected, Is.False, "stopped");
    }

    [Test]
    public async Task StoppingFlushesEveryEventTheAsyncSinkAccepted()
    {
        using var app = CreateApp("flush", new RecordingLoggerFactory());
        await app.StartAsync();
        for (var i = 0; i < 300; i++)
        {
            app.Bulk.Send(new BulkEvent("S" + i, i));
        }

        await app.StopAsync();
        var output = Consume("flush-out-async", 300);
        Assert.That(output, Has.Count.EqualTo(300));
        Assert.That(output[299].Value, Is.EqualTo("S299,299\n"));
        Assert.That(app.GetConnectors().Sinks.Single(s => s.Stream == "Bulk").Events, Is.EqualTo(300));
    }

    [Test]
    public async Task ARestartedSourceResumesFromTheCommittedOffset()
    {
        Produce("resume-in", """{"symbol":"A","price":10}""");
        using (var first = CreateApp("resume", new RecordingLoggerFactory()))
        {
            await first.StartAsync();
            var source = first.GetConnectors().Sources.Single();
            await Wait.UntilAsync(() => source.Events == 1, "the first message");
            await first.StopAsync();
        }

        Produce("resume-in", """{"symbol":"B","price":20}""");
        using var second = CreateApp("resume", new RecordingLoggerFactory());
        var seen = new List<string?>();
        second.Trades.Subscribe(e => seen.Add(e.Symbol));
        await second.StartAsync();
        await Wait.UntilAsync(() => seen.Count >= 1, "the second message");
        await second.StopAsync();
        Assert.That(seen, Is.EqualTo(new[] { "B" }), "A was committed by the first app and not read again");
    }
}
