using System.Collections.Concurrent;
using System.Net;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;
using SiddhiGen.Runtime.Connectors.InMemory;

using SiddhiGen.Integration.Tests.Apps.ErrorApp;

namespace SiddhiGen.Integration.Tests.Errors;

/// <summary>@OnError(action='STREAM') and fault streams; sink on.error LOG, STREAM and WAIT against real sockets.</summary>
[Category("tcp")]
[Category("http")]
public sealed class ErrorHandlingTests
{
    private RecordingLoggerFactory _logs = null!;
    private ErrorApp _app = null!;
    private HttpListener? _flaky;

    [SetUp]
    public void SetUp()
    {
        _logs = new RecordingLoggerFactory();
        _app = new ErrorApp(new SiddhiAppOptions
        {
            LoggerFactory = _logs,
            Variables = new Dictionary<string, string> { ["DEAD_PORT"] = Ports.Closed().ToString(), ["HTTP_PORT"] = Ports.Free().ToString() },
        });
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.StopAsync();
        _app.Dispose();
        _flaky?.Close();
    }

    [Test]
    public async Task AMalformedMessageAndAFailingEventBothReachTheFaultStream()
    {
        var faults = new ConcurrentQueue<OrderFaultsEvent>();
        _app.OrderFaults.Subscribe(faults.Enqueue);
        _app.Accepted.Subscribe(e =>
        {
            if (e.Amount < 0)
            {
                throw new InvalidOperationException("negative amount");
            }
        });
        await _app.StartAsync();

        InMemoryBroker.Publish("errors.orders", """{"id":"o1","amount":5}""");
        InMemoryBroker.Publish("errors.orders", """{"id":"o2","amount":-1}""");
        InMemoryBroker.Publish("errors.orders", """{"id":"o3","amount":"lots"}""");

        Assert.That(faults.Select(f => f.Id), Is.EqualTo(new[] { "o2", null }));
        Assert.That(faults.First().Error, Is.InstanceOf<InvalidOperationException>());
        Assert.That(faults.Last().Error, Is.InstanceOf<MappingException>().With.Property(nameof(MappingException.Payload)).EqualTo("""{"id":"o3","amount":"lots"}"""));
        var source = _app.GetConnectors().Sources.Single(s => s.Stream == "Orders");
        Assert.That((source.Events, source.Errors), Is.EqualTo((2L, 2L)));
        Assert.That(_logs.Errors, Is.Empty, "STREAM routes the errors instead of logging them");
    }

    [Test]
    public async Task WithoutOnErrorAMalformedMessageIsLoggedAndCounted()
    {
        await _app.StartAsync();
        InMemoryBroker.Publish("errors.logged", "{not json");
        Assert.That(_app.GetConnectors().Sources.Single(s => s.Stream == "Logged").Errors, Is.EqualTo(1));
        Assert.That(_logs.Errors.Single(), Does.Contain("could not map a message").And.Contain("{not json"));
    }

    [Test]
    public async Task ASinkThatCannotConnectSendsItsEventsToTheFaultStream()
    {
        var faults = new ConcurrentQueue<SinkFaultsEvent>();
        _app.SinkFaults.Subscribe(faults.Enqueue);
        await _app.StartAsync();
        _app.Unreachable.Send(new UnreachableEvent("u1", 1));
        _app.Unreachable.Send(new UnreachableEvent("u2", 2));

        await Wait.ForCountAsync(faults, 2, "fault events from the unreachable tcp sink");
        Assert.That(faults.Select(f => f.Id), Is.EqualTo(new[] { "u1", "u2" }));
        Assert.That(faults.First().Error, Is.InstanceOf<PublishException>().With.Message.Contains("Cannot connect"));
    }

    [Test]
    public async Task ASinkWithOnErrorLogDropsAndCountsWhatItCannotPublish()
    {
        await _app.StartAsync();
        _app.Dropped.Send(new DroppedEvent("d1", 1));
        var sink = _app.GetConnectors().Sinks.Single(s => s.Stream == "Dropped");
        await Wait.UntilAsync(() => _logs.Errors.Any(e => e.Contains("could not publish 1 event(s); they were dropped")), "the dropped event to be logged");
        Assert.That(sink.Errors, Is.GreaterThanOrEqualTo(1));
        Assert.That(sink.Events, Is.Zero);
    }

    [Test]
    public async Task ASinkWithOnErrorWaitRetriesUntilTheEndpointAnswers()
    {
        var port = int.Parse(_app.Options.Variables!["HTTP_PORT"]);
        var received = new ConcurrentQueue<string>();
        await _app.StartAsync();
        _app.Waiting.Send(new WaitingEvent("w1", 1));
        var sink = _app.GetConnectors().Sinks.Single(s => s.Stream == "Waiting");
        await Wait.UntilAsync(() => sink.State == ConnectorState.Retrying, "the sink to notice the endpoint is down");

        _flaky = new HttpListener();
        _flaky.Prefixes.Add($"http://127.0.0.1:{port}/flaky/");
        _flaky.Start();
        var serve = Task.Run(async () =>
        {
            var context = await _flaky.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream);
            received.Enqueue(await reader.ReadToEndAsync());
            context.Response.StatusCode = 200;
            context.Response.Close();
        });

        await Wait.WithTimeout(serve.ContinueWith(_ => true), "the retried request");
        await Wait.UntilAsync(() => sink.Events == 1, "the sink to count the published event");
        Assert.That(received.Single(), Is.EqualTo("""{"event":{"id":"w1","amount":1}}"""));
        Assert.That(sink.State, Is.EqualTo(ConnectorState.Running));
    }
}
