using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.length(n)</c>: a sliding window over the last <c>n</c> events. When event <c>n+1</c> arrives the
/// oldest event leaves and is emitted EXPIRED (re-stamped with now) right before the new CURRENT event, in the
/// same chunk. The whole input chunk is one output chunk.
/// </summary>
/// <remarks>
/// <c>length(0)</c> keeps nothing: each event is emitted as <c>[CURRENT, its EXPIRED copy, RESET]</c>.
/// Siddhi: <c>LengthWindowProcessor</c>.
/// </remarks>
[DebuggerDisplay("length({_length}), Count = {_events.Count}")]
public sealed class LengthWindow<T> : IWindow<T>, IStatePart<T>
{
    /// <summary>Where "now" comes from when expired events are re-stamped.</summary>
    private readonly AppClock _clock;

    /// <summary>The number of events held.</summary>
    private readonly int _length;

    /// <summary>The held events, oldest first.</summary>
    private readonly EventQueue<T> _events;

    /// <param name="clock">The app clock (expired events are re-stamped with its time).</param>
    /// <param name="length">Events to hold; 0 passes each event through with its expiry and a reset.</param>
    public LengthWindow(AppClock clock, int length)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _clock = clock;
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
        if (_length == 0)
        {
            foreach (ref readonly var e in chunk)
            {
                output.Add(e.Timestamp, in e.Data, EventKind.Current);
                output.Add(now, in e.Data, EventKind.Expired);
                output.Add(now, in e.Data, EventKind.Reset);
            }

            output.CloseChunk();
            return;
        }

        foreach (ref readonly var e in chunk)
        {
            if (_events.Count == _length)
            {
                // The oldest leaves first, so the selector subtracts it before adding the newcomer.
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
        // Count-based: no timers.
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec) => writer.WriteEvents(_events.Span, codec);

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec) => reader.ReadEvents(_events, codec);
}
