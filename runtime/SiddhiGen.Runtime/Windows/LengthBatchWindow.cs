using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.lengthBatch(n [, stream.current.event])</c>: a tumbling window of <c>n</c> events. Nothing is
/// emitted until the <c>n</c>th event, which emits <c>[previous batch EXPIRED (when expired output is wanted),
/// RESET, n CURRENT]</c>. Each input event that completes a batch closes its own output chunk, so one input chunk
/// may produce several output chunks.
/// </summary>
/// <remarks>
/// <para>With <c>stream.current.event=true</c> each event is emitted CURRENT on arrival (its own chunk), and event
/// <c>n+1</c> first emits <c>[previous batch EXPIRED?, RESET]</c> in front of it: a running aggregate that resets.</para>
/// <para><c>lengthBatch(0)</c> emits each event as its own chunk <c>[CURRENT, EXPIRED?, RESET]</c>.</para>
/// <para><see cref="Contents"/> is the last completed batch (with stream.current.event: the running batch), kept
/// when expired output is wanted or the window is findable. Siddhi keeps appending to it when only findable; we
/// keep just the last batch, which is what joins and on-demand queries are documented to see.</para>
/// Siddhi: <c>LengthBatchWindowProcessor</c>.
/// </remarks>
[DebuggerDisplay("lengthBatch({_length}), Pending = {_count}")]
public sealed class LengthBatchWindow<T> : IWindow<T>, IStatePart<T>
{
    /// <summary>Where "now" comes from for re-stamping.</summary>
    private readonly AppClock _clock;

    /// <summary>Events per batch.</summary>
    private readonly int _length;

    /// <summary>True for <c>stream.current.event</c>: emit arrivals immediately, expire in batches.</summary>
    private readonly bool _streamCurrentEvents;

    /// <summary>True when the query consumes expired events (insert expired/all events).</summary>
    private readonly bool _outputExpired;

    /// <summary>The batch being collected (null with stream.current.event).</summary>
    private readonly EventQueue<T>? _current;

    /// <summary>The last batch as expired events (null when neither expired output nor find needs it).</summary>
    private readonly EventQueue<T>? _expired;

    /// <summary>Events counted in the open batch.</summary>
    private int _count;

    /// <summary>True when the open batch will emit a RESET when it completes.</summary>
    private bool _hasReset;

    /// <summary>Payload the RESET event carries (Siddhi clones the batch's first event).</summary>
    private T _resetData = default!;

    /// <param name="clock">The app clock (expired and reset events are stamped with its time).</param>
    /// <param name="length">Events per batch; 0 passes each event through.</param>
    /// <param name="streamCurrentEvents">Siddhi's <c>stream.current.event</c> parameter.</param>
    /// <param name="outputExpired">True when the query outputs expired events (<c>insert expired|all events</c>).</param>
    /// <param name="findable">True when a join or on-demand query reads <see cref="Contents"/>.</param>
    public LengthBatchWindow(AppClock clock, int length, bool streamCurrentEvents = false, bool outputExpired = false, bool findable = false)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _clock = clock;
        _length = length;
        _streamCurrentEvents = streamCurrentEvents;
        _outputExpired = outputExpired;
        var capacity = Math.Min(Math.Max(length, 2), 1024);
        _current = streamCurrentEvents ? null : new EventQueue<T>(capacity);
        _expired = outputExpired || findable ? new EventQueue<T>(capacity) : null;
    }

    /// <inheritdoc />
    public ReadOnlySpan<StreamEvent<T>> Contents => _expired is null ? default : _expired.Span;

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
            if (_length == 0)
            {
                output.Add(e.Timestamp, in e.Data, EventKind.Current);
                if (_outputExpired)
                {
                    output.Add(now, in e.Data, EventKind.Expired);
                }

                output.Add(now, in e.Data, EventKind.Reset);
            }
            else
            {
                if (!_hasReset)
                {
                    _resetData = e.Data;
                    _hasReset = true;
                }

                if (_streamCurrentEvents)
                {
                    ProcessStreamingEvent(in e, now, output);
                }
                else
                {
                    ProcessBatchEvent(in e, now, output);
                }
            }

            // Siddhi hands each input event's output to the selector as its own chunk.
            output.CloseChunk();
        }
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        // Count-based: no timers.
    }

    private void ProcessBatchEvent(in StreamEvent<T> e, long now, WindowOutput<T> output)
    {
        var current = _current!;
        current.Enqueue(e.Timestamp, in e.Data, EventKind.Current);
        if (++_count < _length)
        {
            return;
        }

        EmitExpiredAndReset(now, output);
        _expired?.EnqueueRange(current.Span, EventKind.Expired);
        output.AddRange(current.Span);
        current.Clear();
        _count = 0;
    }

    private void ProcessStreamingEvent(in StreamEvent<T> e, long now, WindowOutput<T> output)
    {
        if (++_count == _length + 1)
        {
            EmitExpiredAndReset(now, output);
            _count = 1;
        }

        output.Add(e.Timestamp, in e.Data, EventKind.Current);
        _expired?.Enqueue(e.Timestamp, in e.Data, EventKind.Expired);
    }

    /// <summary>Closes the previous batch: its expired events (when wanted), then the RESET.</summary>
    private void EmitExpiredAndReset(long now, WindowOutput<T> output)
    {
        if (_expired is not null)
        {
            if (_outputExpired)
            {
                output.AddRange(_expired.Span, EventKind.Expired, now);
            }

            _expired.Clear();
        }

        if (_hasReset)
        {
            output.Add(now, in _resetData, EventKind.Reset);
            _hasReset = false;
            _resetData = default!;
        }
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        WindowState.WriteQueue(writer, _current, codec);
        WindowState.WriteQueue(writer, _expired, codec);
        writer.WriteInt32(_count);
        writer.WriteBoolean(_hasReset);
        codec.Write(writer, in _resetData);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        WindowState.ReadQueue(reader, _current, codec);
        WindowState.ReadQueue(reader, _expired, codec);
        _count = reader.ReadInt32();
        _hasReset = reader.ReadBoolean();
        _resetData = codec.Read(reader);
    }
}
