namespace SiddhiGen.Runtime;

/// <summary>
/// A Siddhi window over events of type <typeparamref name="T"/>. Generated operators hold the concrete
/// sealed type and call it directly; the interface exists for joins, named windows and tests.
/// </summary>
/// <remarks>
/// Contract shared by every window:
/// <list type="bullet">
/// <item><see cref="Process"/> receives one input chunk of <see cref="EventKind.Current"/> events and appends
/// zero or more closed chunks to the output (the caller clears the output first). An empty input emits nothing.</item>
/// <item><see cref="OnTimer"/> is called by the operator's <see cref="ITimerTarget.OnTimer"/> with the due time;
/// "now" for timer-driven expiry is that due time. A due time the window did not ask for is harmless (it only
/// expires what is due by then), so an operator holding several windows may forward every callback to all of them.</item>
/// <item>Expired events carry the time they expired (re-stamped); current events keep their timestamps.</item>
/// <item><see cref="Contents"/> is what a join or an on-demand query finds in the window right now.</item>
/// </list>
/// </remarks>
public interface IWindow<T>
{
    /// <summary>Runs one input chunk through the window, appending the resulting chunks to <paramref name="output"/>.</summary>
    void Process(ReadOnlySpan<StreamEvent<T>> chunk, WindowOutput<T> output);

    /// <summary>Handles a timer the window scheduled on the app clock.</summary>
    void OnTimer(long dueTime, WindowOutput<T> output);

    /// <summary>The events a join or on-demand query sees (Siddhi's <c>find</c>); valid until the next call.</summary>
    ReadOnlySpan<StreamEvent<T>> Contents { get; }
}
