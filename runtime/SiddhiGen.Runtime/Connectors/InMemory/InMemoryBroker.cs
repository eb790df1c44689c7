using System.Collections.Concurrent;

namespace SiddhiGen.Runtime.Connectors.InMemory;

/// <summary>
/// The in-process topic broker behind the <c>inMemory</c> source and sink (Siddhi's InMemoryBroker):
/// <see cref="Publish"/> hands a message synchronously to every subscriber of the topic. Tests and apps
/// in one process use it to connect apps or to feed and read streams.
/// </summary>
public static class InMemoryBroker
{
    private static readonly ConcurrentDictionary<string, Action<object>[]> s_topics = new(StringComparer.Ordinal);

    /// <summary>Subscribes to <paramref name="topic"/>; dispose the result to unsubscribe.</summary>
    public static IDisposable Subscribe(string topic, Action<object> onMessage)
    {
        s_topics.AddOrUpdate(topic, _ => [onMessage], (_, existing) => [.. existing, onMessage]);
        return new Subscription(topic, onMessage);
    }

    /// <summary>Delivers <paramref name="message"/> to the topic's subscribers, in subscription order.</summary>
    public static void Publish(string topic, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (s_topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var subscriber in subscribers)
            {
                subscriber(message);
            }
        }
    }

    /// <summary>How many subscribers <paramref name="topic"/> has.</summary>
    public static int SubscriberCount(string topic) => s_topics.TryGetValue(topic, out var s) ? s.Length : 0;

    private sealed class Subscription(string topic, Action<object> onMessage) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                s_topics.AddOrUpdate(topic, _ => [], (_, existing) => existing.Where(s => s != onMessage).ToArray());
            }
        }
    }
}

/// <summary><c>@source(type='inMemory', topic='t')</c>: receives what is published to the topic.</summary>
public sealed class InMemorySource : SourceConnector
{
    private readonly DrainGate _gate = new();
    private IDisposable? _subscription;

    public override Task StartAsync(SourceContext context, CancellationToken cancellationToken)
    {
        var topic = context.Options.GetRequired("topic");
        _subscription = InMemoryBroker.Subscribe(topic, message =>
        {
            if (!_gate.TryEnter())
            {
                return;
            }

            try
            {
                context.Deliver(new SourceMessage(message));
            }
            finally
            {
                _gate.Exit();
            }
        });
        context.SetConnected(true);
        return Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await _gate.CloseAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary><c>@sink(type='inMemory', topic='t')</c>: publishes each payload to the topic (synchronously).</summary>
public sealed class InMemorySink : SinkConnector
{
    public override bool PublishesSynchronously => true;

    public override Task ConnectAsync(SinkContext context, CancellationToken cancellationToken)
    {
        _ = context.Options.GetRequired("topic");
        return Task.CompletedTask;
    }

    public override ValueTask PublishAsync(SinkMessage message, CancellationToken cancellationToken)
    {
        InMemoryBroker.Publish(message.GetOption("topic")!, message.Payload);
        return ValueTask.CompletedTask;
    }
}
