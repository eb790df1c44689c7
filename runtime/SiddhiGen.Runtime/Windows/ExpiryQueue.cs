using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// Events held for a fixed time after their own timestamp, in arrival order, with a timer at each held event's due
/// time: the part <see cref="TimeWindow{T}"/> and <see cref="DelayWindow{T}"/> share. They differ only in what they
/// emit on arrival and the kind a released event carries.
/// </summary>
/// <remarks>One timer per distinct (increasing) arrival timestamp, as Siddhi's <c>TimeWindowProcessor</c>.</remarks>
[DebuggerDisplay("hold {Time} ms, Count = {_events.Count}")]
internal sealed class ExpiryQueue<T>
{
    /// <summary>The app clock: "now" for arrivals.</summary>
    private readonly AppClock _clock;

    /// <summary>Timer bookkeeping.</summary>
    private readonly TimerSlots _timers;

    /// <summary>Held events in arrival order.</summary>
    private readonly EventQueue<T> _events = new(16);

    /// <summary>The newest timestamp a timer was asked for; timers are only requested for newer ones.</summary>
    private long _lastTimestamp = long.MinValue;

    /// <param name="clock">The app clock.</param>
    /// <param name="timer">The operator that forwards the clock's callbacks to the window.</param>
    /// <param name="time">How long an event is held, in milliseconds; the window checks it is not negative.</param>
    public ExpiryQueue(AppClock clock, ITimerTarget timer, long time)
    {
        _clock = clock;
        _timers = new TimerSlots(clock, timer);
        Time = time;
    }

    /// <summary>How long an event is held, in milliseconds.</summary>
    public long Time { get; }

    /// <summary>The held events, oldest first.</summary>
    public ReadOnlySpan<StreamEvent<T>> Span => _events.Span;

    /// <summary>The app clock's time, for arrivals.</summary>
    public long Now => _clock.Now;

    /// <summary>Holds <paramref name="e"/> as <paramref name="kind"/> and makes sure a timer fires when it is due.</summary>
    public void Hold(in StreamEvent<T> e, EventKind kind)
    {
        _events.Enqueue(e.Timestamp, in e.Data, kind);
        if (e.Timestamp > _lastTimestamp)
        {
            _timers.Schedule(e.Timestamp + Time);
            _lastTimestamp = e.Timestamp;
        }
    }

    /// <summary>The timer for <paramref name="dueTime"/> fired: releases, as <paramref name="kind"/>, what is due at it.</summary>
    public void OnTimer(long dueTime, WindowOutput<T> output, EventKind kind)
    {
        _timers.Fired(dueTime);
        Release(dueTime, output, kind);
    }

    /// <summary>Emits as <paramref name="kind"/>, oldest first and re-stamped with <paramref name="now"/>, every held event whose time is up.</summary>
    public void Release(long now, WindowOutput<T> output, EventKind kind)
    {
        // Arrival order, as Siddhi: stop at the first event still held.
        while (!_events.IsEmpty && _events.First.Timestamp - now + Time <= 0)
        {
            output.Add(now, in _events.First.Data, kind);
            _events.Dequeue();
        }
    }

    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        writer.WriteEvents(_events.Span, codec);
        writer.WriteInt64(_lastTimestamp);
        _timers.WriteState(writer);
    }

    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        reader.ReadEvents(_events, codec);
        _lastTimestamp = reader.ReadInt64();
        _timers.ReadState(reader);
    }
}
