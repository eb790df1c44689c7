using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.time(t)</c>: a sliding window over event time. An event stamped <c>ts</c> leaves once
/// <c>now &gt;= ts + t</c>; expiry is checked on every arrival (now = the clock's time) and on a timer at
/// <c>ts + t</c> (now = the timer's due time). Expired events, re-stamped with now, come right before the
/// arriving CURRENT event in the same chunk; a timer emits its expired events as one chunk.
/// </summary>
/// <remarks>Siddhi: <c>TimeWindowProcessor</c>. One timer per distinct (increasing) arrival timestamp.</remarks>
[DebuggerDisplay("time({_events.Time}), Count = {_events.Span.Length}")]
public sealed class TimeWindow<T> : IWindow<T>, IStatePart<T>
{
    /// <summary>Held events in arrival order (as EXPIRED, ready to go out) and their timers.</summary>
    private readonly ExpiryQueue<T> _events;

    /// <param name="clock">The app clock.</param>
    /// <param name="timer">The operator that forwards the clock's callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="time">Window length in milliseconds.</param>
    public TimeWindow(AppClock clock, ITimerTarget timer, long time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(time);
        _events = new ExpiryQueue<T>(clock, timer, time);
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
            _events.Release(now, output, EventKind.Expired);
            _events.Hold(in e, EventKind.Expired);
            output.Add(e.Timestamp, in e.Data, EventKind.Current);
        }

        output.CloseChunk();
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        _events.OnTimer(dueTime, output, EventKind.Expired);
        output.CloseChunk();
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec) => _events.WriteState(writer, codec);

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec) => _events.ReadState(reader, codec);
}
