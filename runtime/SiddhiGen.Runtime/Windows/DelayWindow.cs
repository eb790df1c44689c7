using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.delay(t)</c>: holds each event and re-emits it as CURRENT (not expired), re-stamped with now, once
/// <c>now &gt;= ts + t</c>. Release is checked on arrivals and on a timer at <c>ts + t</c>. Nothing is emitted on
/// arrival itself.
/// </summary>
/// <remarks><see cref="Contents"/> are the events still held. Siddhi: <c>DelayWindowProcessor</c>.</remarks>
[DebuggerDisplay("delay({_delay}), Held = {_events.Count}")]
public sealed class DelayWindow<T> : IWindow<T>
{
    /// <summary>The app clock: "now" for arrivals.</summary>
    private readonly AppClock _clock;

    /// <summary>Timer bookkeeping.</summary>
    private readonly TimerSlots _timers;

    /// <summary>The delay in milliseconds.</summary>
    private readonly long _delay;

    /// <summary>Held events in arrival order.</summary>
    private readonly EventQueue<T> _events = new(16);

    /// <summary>The newest timestamp a timer was asked for.</summary>
    private long _lastTimestamp = long.MinValue;

    /// <param name="clock">The app clock.</param>
    /// <param name="timer">The operator that forwards the clock's callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="delay">The delay in milliseconds.</param>
    public DelayWindow(AppClock clock, ITimerTarget timer, long delay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delay);
        _clock = clock;
        _timers = new TimerSlots(clock, timer);
        _delay = delay;
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

        var now = _clock.Now;
        foreach (ref readonly var e in chunk)
        {
            Release(now, output);
            _events.Enqueue(e.Timestamp, in e.Data, EventKind.Current);
            if (e.Timestamp > _lastTimestamp)
            {
                _timers.Schedule(e.Timestamp + _delay);
                _lastTimestamp = e.Timestamp;
            }
        }

        output.CloseChunk();
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        _timers.Fired(dueTime);
        Release(dueTime, output);
        output.CloseChunk();
    }

    private void Release(long now, WindowOutput<T> output)
    {
        while (!_events.IsEmpty && _events.First.Timestamp - now + _delay <= 0)
        {
            output.Add(now, in _events.First.Data, EventKind.Current);
            _events.Dequeue();
        }
    }
}
