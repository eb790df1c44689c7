using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.time(t)</c>: a sliding window over event time. An event stamped <c>ts</c> leaves once
/// <c>now &gt;= ts + t</c>; expiry is checked on every arrival (now = the clock's time) and on a timer at
/// <c>ts + t</c> (now = the timer's due time). Expired events, re-stamped with now, come right before the
/// arriving CURRENT event in the same chunk; a timer emits its expired events as one chunk.
/// </summary>
/// <remarks>Siddhi: <c>TimeWindowProcessor</c>. One timer per distinct (increasing) arrival timestamp.</remarks>
[DebuggerDisplay("time({_time}), Count = {_events.Count}")]
public sealed class TimeWindow<T> : IWindow<T>
{
    /// <summary>The app clock: "now" for arrivals.</summary>
    private readonly AppClock _clock;

    /// <summary>Timer bookkeeping.</summary>
    private readonly TimerSlots _timers;

    /// <summary>The window length in milliseconds.</summary>
    private readonly long _time;

    /// <summary>Held events in arrival order.</summary>
    private readonly EventQueue<T> _events = new(16);

    /// <summary>The newest timestamp a timer was asked for; timers are only requested for newer ones.</summary>
    private long _lastTimestamp = long.MinValue;

    /// <param name="clock">The app clock.</param>
    /// <param name="timer">The operator that forwards the clock's callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="time">Window length in milliseconds.</param>
    public TimeWindow(AppClock clock, ITimerTarget timer, long time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(time);
        _clock = clock;
        _timers = new TimerSlots(clock, timer);
        _time = time;
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
            Expire(now, output);
            _events.Enqueue(e.Timestamp, in e.Data, EventKind.Expired);
            output.Add(e.Timestamp, in e.Data, EventKind.Current);
            if (e.Timestamp > _lastTimestamp)
            {
                _timers.Schedule(e.Timestamp + _time);
                _lastTimestamp = e.Timestamp;
            }
        }

        output.CloseChunk();
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        _timers.Fired(dueTime);
        Expire(dueTime, output);
        output.CloseChunk();
    }

    /// <summary>Emits, oldest first, every held event whose time is up at <paramref name="now"/>.</summary>
    private void Expire(long now, WindowOutput<T> output)
    {
        // Arrival order, as Siddhi: stop at the first event still inside the window.
        while (!_events.IsEmpty && _events.First.Timestamp - now + _time <= 0)
        {
            output.Add(now, in _events.First.Data, EventKind.Expired);
            _events.Dequeue();
        }
    }
}
