using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

using SiddhiGen.Integration.Tests.Apps.RabbitMQApp;

namespace SiddhiGen.Integration.Tests.RabbitMQ;

/// <summary>
/// The rabbitmq source and sink against a real RabbitMQ broker on 127.0.0.1:5672 (Debian's rabbitmq-server,
/// which .ci/run installs and starts); skipped, with the reason, when no broker answers there.
/// </summary>
[Category("rabbitmq")]
[NonParallelizable]
public sealed class RabbitMQConnectorTests
{
    private static readonly ConnectionFactory s_factory = new() { Uri = new Uri("amqp://guest:guest@127.0.0.1:5672"), ClientProvidedName = "test-peer" };
    private string _exchange = null!;
    private RecordingLoggerFactory _logs = null!;
    private RabbitMQApp _app = null!;
    private IConnection _peer = null!;
    private IChannel _channel = null!;
    private ConcurrentQueue<(string Key, string Body, string? MessageId, string? App, bool Persistent)> _big = null!;

    [OneTimeSetUp]
    public async Task RequireBroker()
    {
        try
        {
            await using var probe = await s_factory.CreateConnectionAsync();
        }
        catch (Exception ex)
        {
            Assert.Ignore($"No RabbitMQ broker at 127.0.0.1:5672 ({ex.GetBaseException().Message}); install and start rabbitmq-server (.ci/run does) to run these tests.");
        }
    }

    [SetUp]
    public async Task SetUp()
    {
        _exchange = "siddhigen-it-" + Guid.NewGuid().ToString("N")[..8];
        _logs = new RecordingLoggerFactory();
        _app = new RabbitMQApp(new SiddhiAppOptions
        {
            LoggerFactory = _logs,
            Variables = new Dictionary<string, string> { ["EXCHANGE"] = _exchange, ["QUEUE"] = _exchange + "-orders" },
        });
        _peer = await s_factory.CreateConnectionAsync();
        _channel = await _peer.CreateChannelAsync();
        await _channel.ExchangeDeclareAsync(_exchange, "topic");
        await _channel.ExchangeDeclareAsync(_exchange + "-out", "direct");
        var big = await _channel.QueueDeclareAsync(_exchange + "-big", durable: false, exclusive: false, autoDelete: false);
        await _channel.QueueBindAsync(big.QueueName, _exchange + "-out", "big");
        _big = new ConcurrentQueue<(string, string, string?, string?, bool)>();
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, e) =>
        {
            var app = e.BasicProperties.Headers?.TryGetValue("x-app", out var v) == true ? Encoding.UTF8.GetString((byte[])v!) : null;
            _big.Enqueue((e.RoutingKey, Encoding.UTF8.GetString(e.Body.Span), e.BasicProperties.MessageId, app, e.BasicProperties.Persistent));
            return Task.CompletedTask;
        };
        await _channel.BasicConsumeAsync(big.QueueName, true, consumer);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.StopAsync();
        _app.Dispose();
        await _channel.QueueDeleteAsync(_exchange + "-big");
        await _channel.QueueDeleteAsync(_exchange + "-orders");
        await _channel.ExchangeDeleteAsync(_exchange);
        await _channel.ExchangeDeleteAsync(_exchange + "-out");
        await _channel.DisposeAsync();
        await _peer.DisposeAsync();
    }

    /// <summary>Publishes as the test peer, waiting for the peer's own connection to recover when the broker closed it.</summary>
    private async Task PublishAsync(string routingKey, string body)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await _channel.BasicPublishAsync(_exchange, routingKey, Encoding.UTF8.GetBytes(body));
                return;
            }
            catch (global::RabbitMQ.Client.Exceptions.AlreadyClosedException) when (watch.Elapsed < Wait.Timeout)
            {
                await Task.Delay(100);
            }
        }
    }

    private ConnectorRuntime Source => _app.GetConnectors().Sources.Single();

    [Test]
    public async Task TopicRoutedMessagesAreConsumedAndEventsPublishedWithTheirRoutingKeyAndProperties()
    {
        var orders = new ConcurrentQueue<OrdersEvent>();
        _app.Orders.Subscribe(orders.Enqueue);
        await _app.StartAsync();

        await PublishAsync("orders.new", """{"id":"o1","amount":150}""");
        await PublishAsync("orders.old", """{"id":"o2","amount":50}""");
        await PublishAsync("payments.new", """{"id":"p1","amount":500}"""); // not bound

        await Wait.ForCountAsync(orders, 2, "the two orders");
        await Wait.ForCountAsync(_big, 1, "the big order on the out exchange");
        Assert.That(orders.Select(o => (o.Id, o.Key)), Is.EqualTo(new[] { ("o1", "orders.new"), ("o2", "orders.old") }));
        Assert.That(_big.Single(), Is.EqualTo(("big", """{"event":{"id":"o1","amount":150.0,"region":"big"}}""".Replace("150.0", "150", StringComparison.Ordinal), (string?)"o1", (string?)"RabbitMQApp", true)));
    }

    [Test]
    public async Task AMalformedMessageGoesToTheErrorPolicyIsAcknowledgedAndTheNextOneIsProcessed()
    {
        var orders = new ConcurrentQueue<OrdersEvent>();
        _app.Orders.Subscribe(orders.Enqueue);
        await _app.StartAsync();

        await PublishAsync("orders.new", "{\"id\":");
        await PublishAsync("orders.new", """{"id":"o3","amount":"lots"}""");
        await PublishAsync("orders.new", """{"id":"o4","amount":1}""");

        await Wait.ForCountAsync(orders, 1, "the valid order");
        Assert.That(Source.Errors, Is.EqualTo(2));
        Assert.That(_logs.Errors, Has.Some.Contains("\"amount\":\"lots\""));
        var queue = await _channel.QueueDeclarePassiveAsync(_exchange + "-orders");
        Assert.That(queue.MessageCount, Is.Zero, "every message was acknowledged, the bad ones too (the error policy has them)");
    }

    [Test]
    public async Task ConnectionsTheBrokerClosesAreRecoveredAndNothingIsLost()
    {
        var orders = new ConcurrentQueue<OrdersEvent>();
        _app.Orders.Subscribe(orders.Enqueue);
        await _app.StartAsync();
        await PublishAsync("orders.new", """{"id":"before","amount":1}""");
        await Wait.ForCountAsync(orders, 1, "the order before the outage");

        // The broker drops the app's connections (not the test peer's), as a broker restart or a network cut would.
        var closed = Rabbitmqctl("close_all_connections", "--vhost", "/", "siddhigen-it");
        if (closed is null)
        {
            Assert.Ignore("rabbitmqctl is not available to close the connections: the recovery test needs the broker on this machine.");
        }

        await Wait.UntilAsync(() => !Source.IsConnected, "the source to notice its connection was closed; rabbitmqctl said: " + closed);
        _app.Manual.Send(new ManualEvent("during", 1000, "big"));
        await PublishAsync("orders.new", """{"id":"after","amount":2}"""); // queued by the broker meanwhile

        await Wait.UntilAsync(() => Source.IsConnected, "the source to recover", TimeSpan.FromSeconds(40));
        await Wait.ForCountAsync(orders, 2, "the order sent while the app was disconnected", TimeSpan.FromSeconds(40));
        await Wait.ForCountAsync(_big, 1, "the event published while the sink was disconnected", TimeSpan.FromSeconds(40));
        Assert.That(orders.Select(o => o.Id), Is.EqualTo(new[] { "before", "after" }));
        Assert.That(_big.Single().MessageId, Is.EqualTo("during"));
    }

    /// <summary>Runs rabbitmqctl; null when it cannot be run here.</summary>
    private static string? Rabbitmqctl(params string[] arguments)
    {
        try
        {
            var info = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            info.Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            return process.WaitForExit(60_000) && process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
