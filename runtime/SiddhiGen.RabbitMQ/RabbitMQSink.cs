using System.Globalization;
using RabbitMQ.Client;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.RabbitMQ;

/// <summary>
/// <c>@sink(type='rabbitmq', uri='amqp://guest:guest@host:5672', exchange.name='orders', routing.key='{{region}}', @map(...))</c>
/// on RabbitMQ.Client (connection and exchange: <see cref="RabbitMQSettings"/>, declared on first use of each
/// exchange name). Message properties as Siddhi has them: <c>delivery.mode</c> (1 transient, default; 2
/// persistent), <c>content.type</c>, <c>content.encoding</c>, <c>priority</c>, <c>correlation.id</c>,
/// <c>reply.to</c>, <c>expiration</c>, <c>message.id</c>, <c>timestamp</c>, <c>type</c>, <c>user.id</c>,
/// <c>app.id</c>, <c>headers</c>; <c>exchange.name</c>, <c>routing.key</c>, <c>priority</c>, <c>correlation.id</c>,
/// <c>message.id</c> and <c>headers</c> take templates. Each publish waits for the broker's confirmation; a
/// refused publish or a lost connection fails it and <c>on.error</c> applies.
/// </summary>
public sealed class RabbitMQSink : SinkConnector
{
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private IConnection? _connection;
    private IChannel? _channel;
    private SinkContext _context = null!;

    public override async Task ConnectAsync(SinkContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _ = context.Options.GetRequired("exchange.name");
        if (_connection is null)
        {
            var factory = RabbitMQSettings.Factory(context.Options, $"siddhigen {context.App.Name}/{context.Schema.Name}");
            _connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
            _connection.ConnectionShutdownAsync += (_, _) =>
            {
                context.SetConnected(false);
                return Task.CompletedTask;
            };
            _connection.RecoverySucceededAsync += (_, _) =>
            {
                context.SetConnected(true);
                return Task.CompletedTask;
            };
            _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(true, true), cancellationToken).ConfigureAwait(false);
        }

        context.SetConnected(_connection.IsOpen);
    }

    public override async ValueTask PublishAsync(SinkMessage message, CancellationToken cancellationToken)
    {
        var exchange = message.GetOption("exchange.name") ?? string.Empty;
        try
        {
            if (_declared.Add(exchange))
            {
                try
                {
                    await RabbitMQSettings.DeclareExchangeAsync(_channel!, _context.Options, exchange, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    _declared.Remove(exchange);
                    throw;
                }
            }

            await _channel!.BasicPublishAsync(exchange, message.GetOption("routing.key") ?? string.Empty, false, Properties(message), message.GetBytes(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ConnectorConfigurationException)
        {
            throw new PublishException($"Publishing to RabbitMQ exchange '{exchange}' failed: {ex.Message}", ex);
        }
    }

    public override async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync().ConfigureAwait(false);
        }

        if (_connection is not null)
        {
            await _connection.CloseAsync(cancellationToken).ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static BasicProperties Properties(SinkMessage message)
    {
        var properties = new BasicProperties
        {
            DeliveryMode = message.GetOption("delivery.mode")?.Trim() == "2" ? DeliveryModes.Persistent : DeliveryModes.Transient,
            ContentType = message.GetOption("content.type"),
            ContentEncoding = message.GetOption("content.encoding"),
            CorrelationId = message.GetOption("correlation.id"),
            ReplyTo = message.GetOption("reply.to"),
            Expiration = message.GetOption("expiration"),
            MessageId = message.GetOption("message.id"),
            Type = message.GetOption("type"),
            UserId = message.GetOption("user.id"),
            AppId = message.GetOption("app.id"),
            Timestamp = new AmqpTimestamp(Timestamp(message.GetOption("timestamp"))),
        };
        if (byte.TryParse(message.GetOption("priority"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority))
        {
            properties.Priority = priority;
        }

        if (RabbitMQSettings.Headers(message.GetOption("headers")) is { } headers)
        {
            properties.Headers = headers;
        }

        return properties;
    }

    /// <summary>Seconds since 1970: <c>timestamp</c> as Siddhi's <c>dd/MM/yyyy</c> (or epoch seconds), else now.</summary>
    private static long Timestamp(string? value) =>
        value is null ? DateTimeOffset.UtcNow.ToUnixTimeSeconds()
        : DateTime.TryParseExact(value.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? new DateTimeOffset(date).ToUnixTimeSeconds()
        : long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds
        : DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
