namespace SiddhiGen.Runtime;

/// <summary>
/// Receives the chunks a stream delivers. A chunk is what Siddhi processes as one unit: one
/// <c>Send</c>, one <c>Send(span)</c>, one window emission. Aggregating selectors emit one row per chunk.
/// </summary>
public interface IStreamReceiver<T>
{
    void Receive(ReadOnlySpan<StreamEvent<T>> chunk);
}
