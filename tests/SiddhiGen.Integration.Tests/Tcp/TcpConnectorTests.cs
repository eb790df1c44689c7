using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;
using SiddhiGen.Runtime.Connectors.Tcp;

using SiddhiGen.Integration.Tests.Apps.TcpApp;

namespace SiddhiGen.Integration.Tests.Tcp;

/// <summary>The tcp source and sink on real loopback sockets, with Siddhi's binary framing.</summary>
[Category("tcp")]
public sealed class TcpConnectorTests
{
    private RecordingLoggerFactory _logs = null!;
    private TcpApp _app = null!;
    private int _port;
    private TcpListener _outside = null!;

    [SetUp]
    public async Task SetUp()
    {
        _port = Ports.Free();
        _outside = new TcpListener(IPAddress.Loopback, 0);
        _outside.Start();
        _logs = new RecordingLoggerFactory();
        _app = new TcpApp(new SiddhiAppOptions
        {
            LoggerFactory = _logs,
            Variables = new Dictionary<string, string> { ["TCP_PORT"] = _port.ToString(), ["OUT_PORT"] = ((IPEndPoint)_outside.LocalEndpoint).Port.ToString() },
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

    private async Task SendFramesAsync(string channel, params string[] payloads)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _port);
        var stream = client.GetStream();
        foreach (var payload in payloads)
        {
            await stream.WriteAsync(TcpFraming.Encode("test", channel, Encoding.UTF8.GetBytes(payload)));
        }

        await stream.FlushAsync();
    }

    [Test]
    public async Task FramesAreMappedAndEchoedThroughTheTcpSinkIntoAnotherContext()
    {
        var echoed = new ConcurrentQueue<TextInEvent>();
        _app.TextIn.Subscribe(echoed.Enqueue);
        await SendFramesAsync("quotes", """{"symbol":"WSO2","price":55.5}""", """[{"symbol":"IBM","price":0},{"symbol":"MSFT","price":300}]""");

        await Wait.ForCountAsync(echoed, 2, "events echoed through the tcp sink");
        Assert.That(echoed.Select(e => (e.Symbol, e.Price)), Is.EqualTo(new[] { ("WSO2", (double?)55.5), ("MSFT", 300.0) }));
        Assert.That(_app.GetConnectors().Sinks.Single(s => s.Stream == "Echo").Events, Is.EqualTo(2));
    }

    [Test]
    public async Task MalformedAndOversizedFramesReachTheErrorPolicy()
    {
        var quotes = _app.GetConnectors().Sources.Single(s => s.Stream == "Quotes");
        var events = new ConcurrentQueue<QuotesEvent>();
        _app.Quotes.Subscribe(events.Enqueue);
        await SendFramesAsync("quotes", "{broken", new string('x', 5000), """{"symbol":"OK","price":1}""");

        await Wait.ForCountAsync(events, 1, "the valid frame after the bad ones");
        Assert.That(quotes.Errors, Is.EqualTo(2));
        Assert.That(_logs.Errors, Has.Some.Contains("not valid JSON"));
        Assert.That(_logs.Errors, Has.Some.Contains("larger than max.message.size (4096 bytes)"));
    }

    [Test]
    public async Task StoppingDrainsTheSinkQueueToTheOutsideListener()
    {
        var accept = _outside.AcceptTcpClientAsync();
        for (var i = 0; i < 500; i++)
        {
            _app.Outside.Send(new OutsideEvent("S" + i, i));
        }

        await _app.StopAsync();
        using var client = await Wait.WithTimeout(accept, "the sink's connection");
        var stream = client.GetStream();
        var payloads = new List<string>();
        while (await TcpFraming.ReadAsync(stream, TcpFraming.MaxFrameSize, CancellationToken.None) is { } frame)
        {
            Assert.That(frame.Channel, Is.EqualTo("outside"));
            payloads.Add(Encoding.UTF8.GetString(frame.Payload!));
        }

        Assert.That(payloads, Has.Count.EqualTo(500), "every queued event was sent before the sink disconnected");
        Assert.That(payloads[499], Is.EqualTo("S499,499\n"));
    }
}
