using System.Globalization;
using Confluent.Kafka;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Kafka;

/// <summary>
/// <c>@sink(type='kafka', bootstrap.servers='...', topic='t', partition.no='0', key='{{symbol}}', @map(...))</c>.
/// <c>topic</c> and <c>key</c> may hold <c>{{attr}}</c> templates. Messages go to partition <c>partition.no</c>
/// (default 0, as in Siddhi; <c>-1</c> lets the partitioner choose by key). <c>is.synchronous='true'</c> waits for
/// each delivery (a failure then follows <c>on.error</c>); otherwise deliveries are reported asynchronously and
/// failures are logged and counted. <c>sequence.id</c> adds a <c>sequence.id</c> header with a per-sink counter.
/// <c>optional.configuration</c> adds producer settings. Disconnecting flushes what is in flight.
/// </summary>
public sealed class KafkaSink : SinkConnector
{
    private IProducer<byte[]?, byte[]> _producer = null!;
    private SinkContext _context = null!;
    private bool _synchronous;
    private int? _partition;
    private string? _sequenceId;
    private long _sequence;

    public override Task ConnectAsync(SinkContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var o = context.Options;
        var config = new ProducerConfig { BootstrapServers = o.GetRequired("bootstrap.servers") };
        KafkaSettings.AddOptional(config, o);
        _ = o.GetRequired("topic");
        _synchronous = o.GetBool("is.synchronous", false);
        var partition = o.GetInt("partition.no", 0);
        _partition = partition < 0 ? null : partition;
        _sequenceId = o.Get("sequence.id");
        _producer = new ProducerBuilder<byte[]?, byte[]>(config)
            .SetErrorHandler((_, e) => context.SetConnected(!e.IsFatal))
            .Build();
        context.SetConnected(true);
        return Task.CompletedTask;
    }

    public override async ValueTask PublishAsync(SinkMessage message, CancellationToken cancellationToken)
    {
        var topic = message.GetOption("topic")!;
        var key = message.GetOption("key");
        var kafkaMessage = new Message<byte[]?, byte[]>
        {
            Key = key is null ? null : System.Text.Encoding.UTF8.GetBytes(key),
            Value = message.GetBytes(),
        };
        if (_sequenceId is not null)
        {
            kafkaMessage.Headers = new Headers { { "sequence.id", System.Text.Encoding.UTF8.GetBytes(_sequenceId + ":" + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)) } };
        }

        var target = _partition is { } p ? new TopicPartition(topic, new Partition(p)) : null;
        try
        {
            if (_synchronous)
            {
                _ = target is null
                    ? await _producer.ProduceAsync(topic, kafkaMessage, cancellationToken).ConfigureAwait(false)
                    : await _producer.ProduceAsync(target, kafkaMessage, cancellationToken).ConfigureAwait(false);
                return;
            }

            var count = message.EventCount;
            void Report(DeliveryReport<byte[]?, byte[]> report)
            {
                if (report.Error.IsError)
                {
                    _context.ReportError($"Kafka delivery to '{report.Topic}' failed: {report.Error.Reason}", count, new PublishException(report.Error.Reason));
                }
            }

            if (target is null)
            {
                _producer.Produce(topic, kafkaMessage, Report);
            }
            else
            {
                _producer.Produce(target, kafkaMessage, Report);
            }
        }
        catch (KafkaException ex)
        {
            throw new PublishException($"Publishing to Kafka topic '{topic}' failed: {ex.Error.Reason}", ex);
        }
    }

    public override Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (_producer is not null)
        {
            _producer.Flush(TimeSpan.FromSeconds(10));
            _producer.Dispose();
        }

        return Task.CompletedTask;
    }
}
