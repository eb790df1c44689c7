using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.externalTime(tsAttr, t)</c>: a sliding window on a <c>long</c> event-time attribute. Expiry is
/// driven only by arrivals: an arriving event with attribute value <c>now</c> expires, oldest first, the held
/// events whose value is <c>&lt;= now - t</c>, emitted EXPIRED (stamped <c>now</c>) before it. No timers.
/// </summary>
/// <typeparam name="T">The event payload.</typeparam>
/// <typeparam name="TTimestamp">Reads the timestamp attribute (the generator throws for null, like Siddhi's NPE).</typeparam>
/// <remarks>Siddhi: <c>ExternalTimeWindowProcessor</c>. Like Siddhi, expiry stops at the first held event (in
/// arrival order) that is still inside the window.</remarks>
[DebuggerDisplay("externalTime({_time}), Count = {_events.Count}")]
public sealed class ExternalTimeWindow<T, TTimestamp> : IWindow<T>, IStatePart<T>
    where TTimestamp : IAttributeAccessor<T, long>
{
    /// <summary>Window length in milliseconds of attribute time.</summary>
    private readonly long _time;

    /// <summary>Held events in arrival order.</summary>
    private readonly EventQueue<T> _events = new(16);

    /// <param name="clock">The app clock (unused: this window runs on attribute time; kept for a uniform shape).</param>
    /// <param name="time">Window length in milliseconds.</param>
    public ExternalTimeWindow(AppClock clock, long time)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(time);
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

        foreach (ref readonly var e in chunk)
        {
            var now = TTimestamp.Get(in e.Data);
            while (!_events.IsEmpty && TTimestamp.Get(in _events.First.Data) - now + _time <= 0)
            {
                output.Add(now, in _events.First.Data, EventKind.Expired);
                _events.Dequeue();
            }

            _events.Enqueue(e.Timestamp, in e.Data, EventKind.Expired);
            output.Add(e.Timestamp, in e.Data, EventKind.Current);
        }

        output.CloseChunk();
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        // Attribute time: no timers.
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec) => writer.WriteEvents(_events.Span, codec);

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec) => reader.ReadEvents(_events, codec);
}
