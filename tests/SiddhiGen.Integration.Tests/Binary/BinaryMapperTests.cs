using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Confluent.Kafka;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;
using SiddhiGen.Runtime.Connectors.Tcp;

using SiddhiGen.Integration.Tests.Apps.BinaryApp;

namespace SiddhiGen.Integration.Tests.Binary;

/// <summary>
/// The binary mapper against Siddhi's binary event format, written here byte by byte as siddhi-map-binary's
/// converter lays it out (big-endian Java ByteBuffer), over tcp and over the librdkafka mock cluster.
/// </summary>
[Category("binary")]
[NonParallelizable]
public sealed class BinaryMapperTests
{
    private IAdminClient _mock = null!;
    private string _bootstrap = null!;
    private RecordingLoggerFactory _logs = null!;
    private BinaryApp _app = null!;
    private TcpListener _outside = null!;
    private int _tcpPort;
    private string _topic = null!;

    private readonly record struct Stock(long Timestamp, string? Symbol, float Price, long Volume, bool Up, double Ratio, int Count);

    [OneTimeSetUp]
    public void StartMockCluster()
    {
        var config = new AdminClientConfig { BootstrapServers = "127.0.0.1:1" };
        config.Set("test.mock.num.brokers", "1");
        _mock = new AdminClientBuilder(config).Build();
        _bootstrap = string.Join(",", _mock.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Select(b => $"{b.Host}:{b.Port}"));
    }

    [OneTimeTearDown]
    public void StopMockCluster() => _mock.Dispose();

    [SetUp]
    public async Task SetUp()
    {
        _tcpPort = Ports.Free();
        _outside = new TcpListener(IPAddress.Loopback, 0);
        _outside.Start();
        _topic = "binary-" + Guid.NewGuid().ToString("N")[..8];
        _logs = new RecordingLoggerFactory();
        _app = new BinaryApp(new SiddhiAppOptions
        {
            LoggerFactory = _logs,
            Variables = new Dictionary<string, string>
            {
                ["TCP_PORT"] = _tcpPort.ToString(),
                ["OUT_PORT"] = ((IPEndPoint)_outside.LocalEndpoint).Port.ToString(),
                ["KAFKA"] = _bootstrap,
                ["IN_TOPIC"] = _topic + "-in",
                ["OUT_TOPIC"] = _topic + "-out",
            },
        });
        await _app.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.StopAsync();
        _app.Dispose();
        _outside.Stop();
    }

    /// <summary>Siddhi's layout: int32 count, then per event int64 timestamp and the attributes (string: int32 length + bytes).</summary>
    private static byte[] SiddhiBinary(params Stock[] events)
    {
        using var buffer = new MemoryStream();
        void Int(int v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, v); buffer.Write(b); }
        void Long(long v) { Span<byte> b = stackalloc byte[8]; BinaryPrimitives.WriteInt64BigEndian(b, v); buffer.Write(b); }
        Int(events.Length);
        foreach (var e in events)
        {
            Long(e.Timestamp);
            var symbol = Encoding.UTF8.GetBytes(e.Symbol ?? string.Empty);
            Int(symbol.Length);
            buffer.Write(symbol);
            Int(BitConverter.SingleToInt32Bits(e.Price));
            Long(e.Volume);
            buffer.WriteByte(e.Up ? (byte)1 : (byte)0);
            Long(BitConverter.DoubleToInt64Bits(e.Ratio));
            Int(e.Count);
        }

        return buffer.ToArray();
    }

    private async Task SendTcpAsync(params byte[][] payloads)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _tcpPort);
        var stream = client.GetStream();
        foreach (var payload in payloads)
        {
            await stream.WriteAsync(TcpFraming.Encode("siddhi-session", "stocks", payload));
        }

        await stream.FlushAsync();
    }

    private static Stock[] Events(IEnumerable<StocksEvent> events) =>
        events.Select(e => new Stock(0, e.Symbol, e.Price ?? 0, e.Volume ?? 0, e.Up ?? false, e.Ratio ?? 0, e.Count ?? 0)).ToArray();

    [Test]
    public async Task SiddhiBinaryEventsOverTcpAreReadAndWrittenBackByteForByte()
    {
        var received = new ConcurrentQueue<StocksEvent>();
        _app.Stocks.Subscribe(received.Enqueue);
        var accept = _outside.AcceptTcpClientAsync();

        var sent = new[] { new Stock(1700000000000, "WSO2", 55.5f, 100, true, 0.25, 7), new Stock(1700000000001, "ÜBER", -1.5f, long.MaxValue, false, double.MinValue, -3) };
        await SendTcpAsync(SiddhiBinary(sent));

        await Wait.ForCountAsync(received, 2, "the two binary events");
        Assert.That(Events(received), Is.EqualTo(sent.Select(s => s with { Timestamp = 0 }).ToArray()));

        using var copy = await Wait.WithTimeout(accept, "the binary tcp sink to connect");
        var frame = await Wait.WithTimeout(TcpFraming.ReadAsync(copy.GetStream(), TcpFraming.MaxFrameSize, CancellationToken.None), "the binary frame");
        Assert.That(frame!.Channel, Is.EqualTo("binary-out"));
        var timestamps = new[] { BinaryPrimitives.ReadInt64BigEndian(frame.Payload!.AsSpan(4)), BinaryPrimitives.ReadInt64BigEndian(frame.Payload.AsSpan(4 + 8 + 8 + 4 + 8 + 1 + 8 + 4)) };
        Assert.That(frame.Payload, Is.EqualTo(SiddhiBinary(sent[0] with { Timestamp = timestamps[0] }, sent[1] with { Timestamp = timestamps[1] })),
            "the sink writes exactly Siddhi's layout (timestamps are the events' own)");
    }

    [Test]
    public async Task TruncatedOrLyingBinaryMessagesGoToTheErrorPolicyAndTheConnectionSurvives()
    {
        var received = new ConcurrentQueue<StocksEvent>();
        _app.Stocks.Subscribe(received.Enqueue);
        var good = SiddhiBinary(new Stock(1, "OK", 1, 1, true, 1, 1));
        var truncated = good[..^3];
        var longString = good.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(longString.AsSpan(12), 200); // the symbol claims 200 bytes
        var lying = SiddhiBinary(new Stock(1, "X", 1, 1, true, 1, 1));
        BinaryPrimitives.WriteInt32BigEndian(lying, 1_000_000); // announces a million events

        await SendTcpAsync(truncated, lying, longString, [], good);

        await Wait.ForCountAsync(received, 1, "the good event after the bad ones");
        var source = _app.GetConnectors().Sources.Single(s => s.Stream == "Stocks");
        await Wait.UntilAsync(() => source.Errors == 4, $"the four bad messages to be counted (got {source.Errors})");
        Assert.That(_logs.Errors, Has.Some.Contains("announces 1 events of stream 'Stocks', but has only 40 bytes"));
        Assert.That(_logs.Errors, Has.Some.Contains("ends after 43 bytes"));
        Assert.That(_logs.Errors, Has.Some.Contains("announces 1000000 events"));
    }

    [Test]
    public async Task SiddhiBinaryEventsRoundTripThroughKafka()
    {
        var sent = new[] { new Stock(5, "IBM", 10.25f, 3, false, 1.5, 2), new Stock(6, null, 0, 0, true, 0, 0) };
        using (var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig { BootstrapServers = _bootstrap }).Build())
        {
            producer.Produce(new TopicPartition(_topic + "-in", 0), new Message<Null, byte[]> { Value = SiddhiBinary(sent) });
            producer.Produce(new TopicPartition(_topic + "-in", 0), new Message<Null, byte[]> { Value = [0, 0, 0, 1, 9] });
            producer.Flush(TimeSpan.FromSeconds(10));
        }

        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig { BootstrapServers = _bootstrap, GroupId = "reader-" + Guid.NewGuid(), AutoOffsetReset = AutoOffsetReset.Earliest }).Build();
        consumer.Assign(new TopicPartitionOffset(_topic + "-out", 0, Offset.Beginning));
        byte[]? output = null;
        var deadline = DateTime.UtcNow + Wait.Timeout;
        while (output is null && DateTime.UtcNow < deadline)
        {
            output = consumer.Consume(TimeSpan.FromMilliseconds(200))?.Message.Value;
        }

        Assert.That(output, Is.Not.Null, "the binary message on the output topic");
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(output), Is.EqualTo(2), "the chunk of two events is one message");
        var t0 = BinaryPrimitives.ReadInt64BigEndian(output.AsSpan(4));
        var t1 = BinaryPrimitives.ReadInt64BigEndian(output.AsSpan(4 + 8 + 4 + 3 + 4 + 8 + 1 + 8 + 4));
        Assert.That(output, Is.EqualTo(SiddhiBinary(sent[0] with { Timestamp = t0 }, sent[1] with { Timestamp = t1 })), "a null string travels as length 0");
        var source = _app.GetConnectors().Sources.Single(s => s.Stream == "KafkaIn");
        await Wait.UntilAsync(() => source.Errors == 1, "the malformed kafka message to reach the error policy");
    }
}
