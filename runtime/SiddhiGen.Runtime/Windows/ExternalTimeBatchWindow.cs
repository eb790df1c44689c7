using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.externalTimeBatch(tsAttr, t [, start.time] [, timeout] [, replace.with.batchtime])</c>: a tumbling
/// window on a <c>long</c> event-time attribute. Batches end at <c>start + k*t</c>; an event whose attribute is at or
/// past the end flushes <c>[previous batch EXPIRED (when wanted), RESET, CURRENT batch]</c> as one chunk and opens the
/// next batch. Several batches completed by one input chunk give several output chunks.
/// </summary>
/// <typeparam name="T">The event payload.</typeparam>
/// <typeparam name="TTimestamp">Reads (and, for <c>replace.with.batchtime</c>, rewrites) the timestamp attribute.</typeparam>
/// <typeparam name="TStartTime">Reads the <c>start.time</c> attribute when <see cref="ExternalTimeBatchStart.Attribute"/>
/// is used; pass <typeparamref name="TTimestamp"/> otherwise (it is then never called).</typeparam>
/// <remarks>
/// <para><c>timeout</c> (ms on the app clock, 0 for none): when no batch-ending event arrives for that long, a timer
/// flushes the open batch. Events that arrive later but still belong to the flushed batch are emitted again with it
/// (<c>[EXPIRED?, RESET, the flushed batch as CURRENT, the late events]</c>), as Siddhi's <c>appendToOutputChunk</c>.
/// The timeout timer re-arms itself every <c>timeout</c>, as in Siddhi.</para>
/// <para>Expired and reset events are stamped with the newest attribute time seen.</para>
/// Siddhi: <c>ExternalTimeBatchWindowProcessor</c>.
/// </remarks>
[DebuggerDisplay("externalTimeBatch({_time}), End = {_endTime}")]
public sealed class ExternalTimeBatchWindow<T, TTimestamp, TStartTime> : IWindow<T>, IStatePart<T>
    where TTimestamp : IAttributeUpdater<T, long>
    where TStartTime : IAttributeAccessor<T, long>
{
    /// <summary>The app clock: base of the timeout.</summary>
    private readonly AppClock _clock;

    /// <summary>Timer bookkeeping (null without a timeout).</summary>
    private readonly TimerSlots? _timers;

    /// <summary>Batch length in milliseconds of attribute time.</summary>
    private readonly long _time;

    /// <summary>How the first batch is placed.</summary>
    private readonly ExternalTimeBatchStart _startMode;

    /// <summary>Flush after this long without a batch-ending event; 0 for never.</summary>
    private readonly long _timeout;

    /// <summary>True for <c>replace.with.batchtime</c>: held events get the batch end as their timestamp attribute.</summary>
    private readonly bool _replaceWithBatchTime;

    /// <summary>True when the query consumes expired events.</summary>
    private readonly bool _outputExpired;

    /// <summary>The open batch.</summary>
    private readonly EventQueue<T> _current = new(16);

    /// <summary>The last flushed batch as expired events (kept for expired output, find or the timeout).</summary>
    private readonly EventQueue<T>? _expired;

    /// <summary>Origin of the batch grid.</summary>
    private long _startTime;

    /// <summary>End (exclusive) of the open batch; -1 before the first event.</summary>
    private long _endTime = -1;

    /// <summary>Due time of the newest timeout timer; older timers are ignored.</summary>
    private long _lastScheduledTime;

    /// <summary>The newest timestamp attribute seen.</summary>
    private long _lastCurrentEventTime;

    /// <summary>True after a timeout flushed the open batch and no batch-ending event has arrived since.</summary>
    private bool _flushed;

    /// <summary>Payload of the RESET event.</summary>
    private T _resetData = default!;

    /// <param name="clock">The app clock.</param>
    /// <param name="timer">The operator that forwards callbacks to <see cref="OnTimer"/>; required when <paramref name="timeout"/> &gt; 0.</param>
    /// <param name="time">Batch length in milliseconds.</param>
    /// <param name="startMode">Where the first batch starts.</param>
    /// <param name="startTime">The constant <c>start.time</c> for <see cref="ExternalTimeBatchStart.Constant"/>.</param>
    /// <param name="timeout">Siddhi's <c>timeout</c> in ms; 0 for none.</param>
    /// <param name="replaceWithBatchTime">Siddhi's <c>replace.with.batchtime</c>.</param>
    /// <param name="outputExpired">True when the query outputs expired events.</param>
    /// <param name="findable">True when a join or on-demand query reads <see cref="Contents"/> (the last batch).</param>
    public ExternalTimeBatchWindow(
        AppClock clock,
        ITimerTarget? timer,
        long time,
        ExternalTimeBatchStart startMode = ExternalTimeBatchStart.FirstEvent,
        long startTime = 0,
        long timeout = 0,
        bool replaceWithBatchTime = false,
        bool outputExpired = false,
        bool findable = false)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(time);
        ArgumentOutOfRangeException.ThrowIfNegative(timeout);
        _clock = clock;
        if (timeout > 0)
        {
            ArgumentNullException.ThrowIfNull(timer);
            _timers = new TimerSlots(clock, timer);
        }

        _time = time;
        _startMode = startMode;
        _startTime = startTime;
        _timeout = timeout;
        _replaceWithBatchTime = replaceWithBatchTime;
        _outputExpired = outputExpired;
        _expired = outputExpired || findable || timeout > 0 ? new EventQueue<T>(16) : null;
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

        InitTiming(in chunk[0].Data);
        foreach (ref readonly var e in chunk)
        {
            var eventTime = TTimestamp.Get(in e.Data);
            if (_lastCurrentEventTime < eventTime)
            {
                _lastCurrentEventTime = eventTime;
            }

            if (eventTime < _endTime)
            {
                Append(in e);
                continue;
            }

            if (_flushed)
            {
                AppendToFlushed(_lastCurrentEventTime, preserveCurrent: false, output);
                _flushed = false;
            }
            else
            {
                Flush(_lastCurrentEventTime, preserveCurrent: false, output);
            }

            _endTime = FindEndTime(_lastCurrentEventTime);
            Append(in e);
            if (_timers is not null)
            {
                _lastScheduledTime = _clock.Now + _timeout;
                _timers.Schedule(_lastScheduledTime);
            }
        }
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        if (_timers is null)
        {
            return;
        }

        _timers.Fired(dueTime);
        if (_endTime < 0 || _lastScheduledTime > dueTime)
        {
            // A newer batch-ending event re-armed the timeout: this timer is stale.
            return;
        }

        if (!_flushed)
        {
            Flush(_lastCurrentEventTime, preserveCurrent: true, output);
            _flushed = true;
        }
        else if (!_current.IsEmpty)
        {
            AppendToFlushed(_lastCurrentEventTime, preserveCurrent: true, output);
        }

        _lastScheduledTime = dueTime + _timeout;
        _timers.Schedule(_lastScheduledTime);
    }

    private void InitTiming(in T first)
    {
        if (_endTime >= 0)
        {
            return;
        }

        switch (_startMode)
        {
            case ExternalTimeBatchStart.Constant:
                _endTime = FindEndTime(TTimestamp.Get(in first));
                break;
            case ExternalTimeBatchStart.Attribute:
                _startTime = TStartTime.Get(in first);
                _endTime = _startTime + _time;
                break;
            default:
                _startTime = TTimestamp.Get(in first);
                _endTime = _startTime + _time;
                break;
        }

        if (_timers is not null)
        {
            _lastScheduledTime = _clock.Now + _timeout;
            _timers.Schedule(_lastScheduledTime);
        }
    }

    /// <summary>The end of the batch that holds <paramref name="time"/> on the grid <c>start + k*t</c>.</summary>
    private long FindEndTime(long time) => time + (_time - ((time - _startTime) % _time));

    /// <summary>Adds an event to the open batch (Siddhi's <c>cloneAppend</c>).</summary>
    private void Append(in StreamEvent<T> e)
    {
        if (_current.IsEmpty)
        {
            // The RESET carries the batch's first event, as Siddhi's cloned reset event.
            _resetData = e.Data;
        }

        var data = _replaceWithBatchTime ? TTimestamp.With(in e.Data, _endTime) : e.Data;
        _current.Enqueue(e.Timestamp, in data, EventKind.Current);
    }

    /// <summary>Emits <c>[EXPIRED?, RESET, CURRENT]</c> for the open batch and makes it the expired batch.</summary>
    private void Flush(long now, bool preserveCurrent, WindowOutput<T> output)
    {
        if (_expired is not null)
        {
            if (_outputExpired)
            {
                output.AddRange(_expired.Span, EventKind.Expired, now);
            }

            _expired.Clear();
        }

        if (!_current.IsEmpty)
        {
            output.Add(now, in _resetData, EventKind.Reset);
            if (preserveCurrent || _expired is not null)
            {
                _expired!.EnqueueRange(_current.Span, EventKind.Expired);
            }

            output.AddRange(_current.Span);
            _current.Clear();
        }

        output.CloseChunk();
    }

    /// <summary>
    /// After a timeout flush, late events of the flushed batch re-emit it: <c>[EXPIRED?, RESET, flushed batch as
    /// CURRENT, late CURRENT]</c>; the late events join the expired batch.
    /// </summary>
    private void AppendToFlushed(long now, bool preserveCurrent, WindowOutput<T> output)
    {
        if (!_current.IsEmpty)
        {
            if (_expired is { IsEmpty: false })
            {
                if (_outputExpired)
                {
                    output.AddRange(_expired.Span, EventKind.Expired, now);
                }
            }

            output.Add(now, in _resetData, EventKind.Reset);
            if (_expired is not null)
            {
                output.AddRange(_expired.Span, EventKind.Current);
            }

            if (preserveCurrent || _expired is not null)
            {
                _expired!.EnqueueRange(_current.Span, EventKind.Expired);
            }

            output.AddRange(_current.Span);
            _current.Clear();
        }

        output.CloseChunk();
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        writer.WriteEvents(_current.Span, codec);
        WindowState.WriteQueue(writer, _expired, codec);
        writer.WriteInt64(_startTime);
        writer.WriteInt64(_endTime);
        writer.WriteInt64(_lastScheduledTime);
        writer.WriteInt64(_lastCurrentEventTime);
        writer.WriteBoolean(_flushed);
        codec.Write(writer, in _resetData);
        writer.WriteBoolean(_timers is not null);
        _timers?.WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        reader.ReadEvents(_current, codec);
        WindowState.ReadQueue(reader, _expired, codec);
        _startTime = reader.ReadInt64();
        _endTime = reader.ReadInt64();
        _lastScheduledTime = reader.ReadInt64();
        _lastCurrentEventTime = reader.ReadInt64();
        _flushed = reader.ReadBoolean();
        _resetData = codec.Read(reader);
        if (reader.ReadBoolean() != (_timers is not null))
        {
            throw new SnapshotException("The snapshot's externalTimeBatch window has another timeout setting: it is of another app version.");
        }

        _timers?.ReadState(reader);
    }
}
