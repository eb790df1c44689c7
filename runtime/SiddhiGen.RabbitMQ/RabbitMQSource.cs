using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.RabbitMQ;

/// <summary>
/// <c>@source(type='rabbitmq', uri='amqp://guest:guest@host:5672', exchange.name='orders', routing.key='new', queue.name='q', @map(...))</c>
/// on RabbitMQ.Client (connection and exchange: <see cref="RabbitMQSettings"/>). Declares the queue
/// (<c>queue.name</c>, default a server-named one; <c>queue.durable.enabled</c>, <c>queue.exclusive.enabled</c>,
/// <c>queue.autodelete.enabled</c>, default false), binds it to the exchange with <c>routing.key</c> (and
/// <c>headers</c> for a headers exchange) and consumes it with <c>consumer.threadpool.size</c> concurrent
/// deliveries (default 1, in order). <c>auto.ack</c> (default true) lets the broker forget a message when it is
/// delivered; with <c>auto.ack='false'</c> a message is acknowledged after its events were processed (or went to
/// the error policy), so one in flight when the connection drops is delivered again. Transport properties:
/// <c>trp:routing.key</c>, <c>trp:exchange</c>, <c>trp:message.id</c>, <c>trp:correlation.id</c>, the message headers.
/// </summary>
public sealed class RabbitMQSource : SourceConnector
{
    private readonly DrainGate _gate = new();
    private IConnection? _connection;
    private IChannel? _channel;
    private SourceContext _context = null!;
    private bool _autoAck;

    public override async Task StartAsync(SourceContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var options = context.Options;
        var exchange = options.GetRequired("exchange.name");
        _autoAck = options.GetBool("auto.ack", true);
        var concurrency = (ushort)Math.Max(1, options.GetInt("consumer.threadpool.size", 1));
        var factory = RabbitMQSettings.Factory(options, $"siddhigen {context.App.Name}/{context.Schema.Name}");
        _connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
        _connection.ConnectionShutdownAsync += (_, e) =>
        {
            if (!_gate.IsClosed)
            {
                context.SetConnected(false);
                context.ReportError($"The {context.Description} lost its connection ({e.ReplyText}); reconnecting.");
            }

            return Task.CompletedTask;
        };
        _connection.RecoverySucceededAsync += (_, _) =>
        {
            context.SetConnected(true);
            return Task.CompletedTask;
        };
        _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(false, false, null, concurrency), cancellationToken).ConfigureAwait(false);
        await RabbitMQSettings.DeclareExchangeAsync(_channel, options, exchange, cancellationToken).ConfigureAwait(false);
        var queue = await _channel.QueueDeclareAsync(
            options.Get("queue.name") ?? string.Empty,
            durable: options.GetBool("queue.durable.enabled", false),
            exclusive: options.GetBool("queue.exclusive.enabled", false),
            autoDelete: options.GetBool("queue.autodelete.enabled", false),
            arguments: null,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (exchange.Length > 0)
        {
            await _channel.QueueBindAsync(queue.QueueName, exchange, options.Get("routing.key") ?? string.Empty, RabbitMQSettings.Headers(options.Get("headers")), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (!_autoAck)
        {
            await _channel.BasicQosAsync(0, (ushort)(concurrency * 64), false, cancellationToken).ConfigureAwait(false);
        }

        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += OnMessageAsync;
        await _channel.BasicConsumeAsync(queue.QueueName, _autoAck, consumer, cancellationToken).ConfigureAwait(false);
        context.SetConnected(true);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.CloseAsync(cancellationToken).ConfigureAwait(false);
        if (_channel is not null)
        {
            await _channel.CloseAsync(cancellationToken).ConfigureAwait(false);
            await _channel.DisposeAsync().ConfigureAwait(false);
        }

        if (_connection is not null)
        {
            await _connection.CloseAsync(cancellationToken).ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        _context.SetConnected(false);
    }

    private async Task OnMessageAsync(object sender, BasicDeliverEventArgs e)
    {
        if (!_gate.TryEnter())
        {
            return; // stopping: not acknowledged, so the broker delivers it again later
        }

        try
        {
            var transport = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["routing.key"] = e.RoutingKey,
                ["exchange"] = e.Exchange,
                ["message.id"] = e.BasicProperties.MessageId,
                ["correlation.id"] = e.BasicProperties.CorrelationId,
            };
            foreach (var (name, value) in e.BasicProperties.Headers ?? new Dictionary<string, object?>())
            {
                transport[name] = value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString();
            }

            _context.Deliver(new SourceMessage(e.Body.ToArray(), transport));
            if (!_autoAck)
            {
                await _channel!.BasicAckAsync(e.DeliveryTag, false).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Exit();
        }
    }
}
