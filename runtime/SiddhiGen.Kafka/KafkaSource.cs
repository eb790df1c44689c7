using System.Globalization;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Kafka;

/// <summary>
/// <c>@source(type='kafka', bootstrap.servers='...', topic.list='a,b', group.id='g', threading.option='single.thread', ...)</c>.
/// <c>threading.option</c>: <c>single.thread</c> (one consumer), <c>topic.wise</c> (one per topic) or
/// <c>partition.wise</c> (one per partition of <c>partition.no.list</c>). With <c>partition.no.list</c> the
/// partitions are assigned (starting at <c>topic.offsets.map</c>'s <c>topic=offset</c> when given), otherwise the
/// group subscribes. Offsets are committed after each message is processed (<c>enable.offsets.commit</c>, true;
/// <c>enable.async.commit</c>, true, commits in the background). <c>seq.enabled</c> drops a message whose offset
/// was already processed (replays after a rebalance). <c>optional.configuration</c> adds consumer settings.
/// Transport properties: <c>trp:topic</c>, <c>trp:partition</c>, <c>trp:key</c>, <c>trp:offset</c>,
/// <c>trp:record.timestamp</c>. Stopping finishes the message in hand, commits, and leaves the group.
/// </summary>
public sealed class KafkaSource : SourceConnector
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly Dictionary<TopicPartition, long> _lastOffsets = [];
    private SourceContext _context = null!;
    private bool _commit;
    private bool _asyncCommit;
    private bool _sequence;

    public override Task StartAsync(SourceContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var o = context.Options;
        var topics = o.GetRequired("topic.list").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var threading = o.GetChoice("threading.option", "single.thread", "single.thread", "topic.wise", "partition.wise");
        var partitions = o.Get("partition.no.list")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var offsets = ConnectorOptions.ParsePairs(o.Get("topic.offsets.map"), '=')
            .ToDictionary(p => p.Key, p => long.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        _commit = o.GetBool("enable.offsets.commit", true);
        _asyncCommit = o.GetBool("enable.async.commit", true);
        _sequence = o.GetBool("seq.enabled", false);
        if (threading == "partition.wise" && partitions is null)
        {
            throw new ConnectorConfigurationException($"The {context.Description} has threading.option='partition.wise' but no 'partition.no.list'.");
        }

        var config = new ConsumerConfig
        {
            BootstrapServers = o.GetRequired("bootstrap.servers"),
            GroupId = o.GetRequired("group.id"),
            EnableAutoCommit = _commit && _asyncCommit,
            EnableAutoOffsetStore = false,
        };
        KafkaSettings.AddOptional(config, o);

        // Which (topics, partitions) each consumer thread handles.
        var work = threading switch
        {
            "single.thread" => [(topics, partitions)],
            "topic.wise" => topics.Select(t => (new[] { t }, partitions)).ToList(),
            _ => topics.SelectMany(t => partitions!.Select(p => (new[] { t }, (int[]?)new[] { p }))).ToList(),
        };
        foreach (var (t, p) in work)
        {
            var consumer = new ConsumerBuilder<byte[]?, byte[]>(config)
                .SetErrorHandler((_, e) => context.ReportError("Kafka: " + e.Reason))
                .SetPartitionsAssignedHandler((_, assigned) => context.SetConnected(true))
                .Build();
            List<TopicPartitionOffset>? assignment = null;
            if (p is null)
            {
                consumer.Subscribe(t);
            }
            else
            {
                assignment = t.SelectMany(topic => p.Select(partition => new TopicPartitionOffset(
                    topic,
                    partition,
                    offsets.TryGetValue(topic, out var offset) ? new Offset(offset) : Offset.Stored))).ToList();
                consumer.Assign(assignment);
                context.SetConnected(true);
            }

            _loops.Add(Task.Factory.StartNew(() => Consume(consumer, assignment), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }

        return Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Consume(IConsumer<byte[]?, byte[]> consumer, List<TopicPartitionOffset>? assignment)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                ConsumeResult<byte[]?, byte[]>? result;
                try
                {
                    result = consumer.Consume(TimeSpan.FromMilliseconds(100));
                }
                catch (ConsumeException ex) when (assignment is not null && ex.Error.Code is ErrorCode.UnknownTopicOrPart or ErrorCode.Local_UnknownPartition or ErrorCode.Local_UnknownTopic)
                {
                    // An assigned partition of a topic that does not exist yet: assign again until it does.
                    _context.Logger.LogDebug("The {Connector} waits for its topic: {Error}", _context.Description, ex.Error.Reason);
                    _stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200));
                    consumer.Assign(assignment);
                    continue;
                }
                catch (ConsumeException ex)
                {
                    _context.ReportError("Kafka consume failed: " + ex.Error.Reason, ex);
                    continue;
                }

                if (result is null || result.IsPartitionEOF || result.Message is null)
                {
                    continue;
                }

                if (_sequence && IsReplay(result.TopicPartitionOffset))
                {
                    continue;
                }

                var transport = new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["topic"] = result.Topic,
                    ["partition"] = result.Partition.Value.ToString(CultureInfo.InvariantCulture),
                    ["offset"] = result.Offset.Value.ToString(CultureInfo.InvariantCulture),
                    ["key"] = result.Message.Key is null ? null : System.Text.Encoding.UTF8.GetString(result.Message.Key),
                    ["record.timestamp"] = result.Message.Timestamp.UnixTimestampMs.ToString(CultureInfo.InvariantCulture),
                };
                _context.Deliver(new SourceMessage(new ReadOnlyMemory<byte>(result.Message.Value ?? []), transport));
                if (_commit)
                {
                    consumer.StoreOffset(result);
                    if (!_asyncCommit)
                    {
                        consumer.Commit();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _context.ReportError("The Kafka consumer stopped: " + ex.Message, ex);
        }
        finally
        {
            try
            {
                consumer.Close();
            }
            catch (KafkaException ex)
            {
                _context.Logger.LogWarning(ex, "Closing the Kafka consumer of the {Connector} failed.", _context.Description);
            }

            consumer.Dispose();
        }
    }

    private bool IsReplay(TopicPartitionOffset position)
    {
        lock (_lastOffsets)
        {
            if (_lastOffsets.TryGetValue(position.TopicPartition, out var last) && position.Offset.Value <= last)
            {
                return true;
            }

            _lastOffsets[position.TopicPartition] = position.Offset.Value;
            return false;
        }
    }
}
