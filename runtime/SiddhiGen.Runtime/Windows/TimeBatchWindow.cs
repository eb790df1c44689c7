using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.timeBatch(t [, start.time] [, stream.current.event])</c>: a tumbling window flushed every <c>t</c>
/// milliseconds. The first flush is at <c>now + t</c> for the first event's <c>now</c>, or aligned to
/// <c>start.time</c>: <c>now + (t - (now - start) % t)</c>. Each flush emits one chunk
/// <c>[previous batch EXPIRED (when expired output is wanted), RESET, CURRENT batch]</c>; a period without
/// arrivals emits only the previous batch's expired events (if any), and the ticks continue as in Siddhi.
/// </summary>
/// <remarks>
/// <para>An event processed at or after the flush time (before its timer ran) joins the batch being flushed.</para>
/// <para>With <c>stream.current.event=true</c> arrivals are emitted CURRENT at once and each flush emits
/// <c>[EXPIRED?, RESET]</c>.</para>
/// <para><see cref="Contents"/>: the last completed batch (stream.current.event: the running batch), replaced at
/// every flush; Siddhi never clears it when only findable, we keep the documented "last batch".</para>
/// Siddhi: <c>TimeBatchWindowProcessor</c>.
/// </remarks>
[DebuggerDisplay("timeBatch({_time}), NextEmit = {_nextEmitTime}")]
public sealed class TimeBatchWindow<T> : IWindow<T>, IStatePart<T>
{
    /// <summary>The app clock: "now" for arrivals.</summary>
    private readonly AppClock _clock;

    /// <summary>Timer bookkeeping.</summary>
    private readonly TimerSlots _timers;

    /// <summary>Batch period in milliseconds.</summary>
    private readonly long _time;

    /// <summary>The alignment origin (<c>start.time</c>), or null to start at the first event.</summary>
    private readonly long? _startTime;

    /// <summary>True for <c>stream.current.event</c>.</summary>
    private readonly bool _streamCurrentEvents;

    /// <summary>True when the query consumes expired events.</summary>
    private readonly bool _outputExpired;

    /// <summary>The batch being collected (null with stream.current.event).</summary>
    private readonly EventQueue<T>? _current;

    /// <summary>The last batch as expired events (null when neither output nor find needs it).</summary>
    private readonly EventQueue<T>? _expired;

    /// <summary>When the next flush is due; -1 before the first event.</summary>
    private long _nextEmitTime = -1;

    /// <summary>True when the open batch has events and so will emit a RESET.</summary>
    private bool _hasReset;

    /// <summary>Payload of the RESET event (the batch's first event).</summary>
    private T _resetData = default!;

    /// <param name="clock">The app clock.</param>
    /// <param name="timer">The operator that forwards the clock's callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="time">Batch period in milliseconds.</param>
    /// <param name="startTime">Siddhi's <c>start.time</c>, or null.</param>
    /// <param name="streamCurrentEvents">Siddhi's <c>stream.current.event</c>.</param>
    /// <param name="outputExpired">True when the query outputs expired events.</param>
    /// <param name="findable">True when a join or on-demand query reads <see cref="Contents"/>.</param>
    public TimeBatchWindow(AppClock clock, ITimerTarget timer, long time, long? startTime = null, bool streamCurrentEvents = false, bool outputExpired = false, bool findable = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(time);
        _clock = clock;
        _timers = new TimerSlots(clock, timer);
        _time = time;
        _startTime = startTime;
        _streamCurrentEvents = streamCurrentEvents;
        _outputExpired = outputExpired;
        _current = streamCurrentEvents ? null : new EventQueue<T>(16);
        _expired = outputExpired || findable ? new EventQueue<T>(16) : null;
    }

    /// <inheritdoc />
    public ReadOnlySpan<StreamEvent<T>> Contents => _expired is null ? default : _expired.Span;

    /// <inheritdoc />
    public void Process(ReadOnlySpan<StreamEvent<T>> chunk, WindowOutput<T> output)
    {
        if (!chunk.IsEmpty)
        {
            Step(_clock.Now, chunk, output);
        }
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        _timers.Fired(dueTime);
        if (_nextEmitTime != -1)
        {
            Step(dueTime, default, output);
        }
    }

    /// <summary>One Siddhi <c>process</c> call: maybe flush, collecting <paramref name="arrivals"/> first.</summary>
    private void Step(long now, ReadOnlySpan<StreamEvent<T>> arrivals, WindowOutput<T> output)
    {
        if (_nextEmitTime == -1)
        {
            _nextEmitTime = _startTime is { } start ? now + (_time - ((now - start) % _time)) : now + _time;
            _timers.Schedule(_nextEmitTime);
        }

        var flush = now >= _nextEmitTime;
        if (flush)
        {
            // One tick per call, as Siddhi: every due tick gets its own timer callback.
            _nextEmitTime += _time;
            _timers.Schedule(_nextEmitTime);
        }

        foreach (ref readonly var e in arrivals)
        {
            if (!_hasReset)
            {
                _resetData = e.Data;
                _hasReset = true;
            }

            if (_current is not null)
            {
                _current.Enqueue(e.Timestamp, in e.Data, EventKind.Current);
            }
            else
            {
                output.Add(e.Timestamp, in e.Data, EventKind.Current);
                _expired?.Enqueue(e.Timestamp, in e.Data, EventKind.Expired);
            }
        }

        if (flush)
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

            if (_current is { IsEmpty: false })
            {
                _expired?.EnqueueRange(_current.Span, EventKind.Expired);
                output.AddRange(_current.Span);
                _current.Clear();
            }
        }

        output.CloseChunk();
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        WindowState.WriteQueue(writer, _current, codec);
        WindowState.WriteQueue(writer, _expired, codec);
        writer.WriteInt64(_nextEmitTime);
        writer.WriteBoolean(_hasReset);
        codec.Write(writer, in _resetData);
        _timers.WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        WindowState.ReadQueue(reader, _current, codec);
        WindowState.ReadQueue(reader, _expired, codec);
        _nextEmitTime = reader.ReadInt64();
        _hasReset = reader.ReadBoolean();
        _resetData = codec.Read(reader);
        _timers.ReadState(reader);
    }
}
