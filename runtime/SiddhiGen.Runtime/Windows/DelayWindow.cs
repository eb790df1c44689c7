using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.delay(t)</c>: holds each event and re-emits it as CURRENT (not expired), re-stamped with now, once
/// <c>now &gt;= ts + t</c>. Release is checked on arrivals and on a timer at <c>ts + t</c>. Nothing is emitted on
/// arrival itself.
/// </summary>
/// <remarks><see cref="Contents"/> are the events still held. Siddhi: <c>DelayWindowProcessor</c>.</remarks>
[DebuggerDisplay("delay({_events.Time}), Held = {_events.Span.Length}")]
public sealed class DelayWindow<T> : IWindow<T>, IStatePart<T>
{
    /// <summary>Held events in arrival order and their timers.</summary>
    private readonly ExpiryQueue<T> _events;

    /// <param name="clock">The app clock.</param>
    /// <param name="timer">The operator that forwards the clock's callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="delay">The delay in milliseconds.</param>
    public DelayWindow(AppClock clock, ITimerTarget timer, long delay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delay);
        _events = new ExpiryQueue<T>(clock, timer, delay);
    }

    /// <inheritdoc />
    public ReadOnlySpan<StreamEvent<T>> Contents => _events.Span;

    /// <inheritdoc />
    public void Process(ReadOnlySpan<StreamEvent<T>> chunk, WindowOutput<T> output)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        var now = _events.Now;
        foreach (ref readonly var e in chunk)
        {
            _events.Release(now, output, EventKind.Current);
            _events.Hold(in e, EventKind.Current);
        }

        output.CloseChunk();
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        _events.OnTimer(dueTime, output, EventKind.Current);
        output.CloseChunk();
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec) => _events.WriteState(writer, codec);

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec) => _events.ReadState(reader, codec);
}
