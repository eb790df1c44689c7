using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.timeLength(t, n)</c>: a sliding window holding at most <c>n</c> events that are younger than
/// <c>t</c>. Events leave by time (checked on arrival and on a timer at <c>ts + t</c>) or, when the window is full,
/// the oldest leaves for the newcomer. Expired events, re-stamped with now, precede the CURRENT event.
/// </summary>
/// <remarks>Siddhi: <c>TimeLengthWindowProcessor</c>.</remarks>
[DebuggerDisplay("timeLength({_time}, {_length}), Count = {_events.Count}")]
public sealed class TimeLengthWindow<T> : IWindow<T>, IStatePart<T>
{
    /// <summary>The app clock: "now" for arrivals.</summary>
    private readonly AppClock _clock;

    /// <summary>Timer bookkeeping.</summary>
    private readonly TimerSlots _timers;

    /// <summary>Window time in milliseconds.</summary>
    private readonly long _time;

    /// <summary>Maximum number of events held.</summary>
    private readonly int _length;

    /// <summary>Held events in arrival order.</summary>
    private readonly EventQueue<T> _events;

    /// <param name="clock">The app clock.</param>
    /// <param name="timer">The operator that forwards the clock's callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="time">Window time in milliseconds.</param>
    /// <param name="length">Maximum events held (0 holds nothing).</param>
    public TimeLengthWindow(AppClock clock, ITimerTarget timer, long time, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(time);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _clock = clock;
        _timers = new TimerSlots(clock, timer);
        _time = time;
        _length = length;
        _events = new EventQueue<T>(Math.Min(Math.Max(length, 2), 1024));
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
            if (_events.Count < _length)
            {
                _events.Enqueue(e.Timestamp, in e.Data, EventKind.Expired);
            }
            else if (!_events.IsEmpty)
            {
                output.Add(now, in _events.First.Data, EventKind.Expired);
                _events.Dequeue();
                _events.Enqueue(e.Timestamp, in e.Data, EventKind.Expired);
            }

            output.Add(e.Timestamp, in e.Data, EventKind.Current);
            _timers.Schedule(e.Timestamp + _time);
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

    private void Expire(long now, WindowOutput<T> output)
    {
        while (!_events.IsEmpty && _events.First.Timestamp - now + _time <= 0)
        {
            output.Add(now, in _events.First.Data, EventKind.Expired);
            _events.Dequeue();
        }
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        writer.WriteEvents(_events.Span, codec);
        _timers.WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        reader.ReadEvents(_events, codec);
        _timers.ReadState(reader);
    }
}
