namespace SiddhiGen.Runtime;

/// <summary>
/// A receiver that also takes an event sent on its own by reference, with no chunk around it. Generated operators
/// with a per-event path implement it; when every receiver of a stream does, the stream hands a single event
/// straight over without copying it into a chunk.
/// </summary>
public interface IEventReceiver<T> : IStreamReceiver<T>
{
    /// <summary>Receives one current event, a chunk of its own.</summary>
    void Receive(long timestamp, in T data);
}
