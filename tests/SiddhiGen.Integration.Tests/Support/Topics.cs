using System.Collections.Concurrent;
using SiddhiGen.Runtime.Connectors.InMemory;

namespace SiddhiGen.Integration.Tests;

/// <summary>Collects what the inMemory sinks publish to a topic.</summary>
public sealed class TopicRecorder : IDisposable
{
    private readonly IDisposable _subscription;

    public TopicRecorder(string topic) => _subscription = InMemoryBroker.Subscribe(topic, Messages.Enqueue);

    public ConcurrentQueue<object> Messages { get; } = new();

    public IReadOnlyList<string> Texts => [.. Messages.Select(m => m as string ?? m.ToString() ?? string.Empty)];

    public void Dispose() => _subscription.Dispose();
}
