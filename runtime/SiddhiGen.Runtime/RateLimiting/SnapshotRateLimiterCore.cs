using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// The part every <c>output snapshot every &lt;t&gt;</c> limiter shares: the tick schedule, the early flush when an
/// arrival reaches the next tick, and one emitted chunk per call. What is held and emitted is
/// <typeparamref name="TRows"/>.
/// </summary>
/// <remarks>
/// <para>A row whose timestamp reaches the next tick before the tick's timer fired flushes first (Siddhi's
/// <c>tryFlushEvents</c> on arrivals); in playback the timer fires first, so this only shows with a wall clock or a
/// timer due at the same time as the row.</para>
/// <para>The public limiters forward to this class instead of deriving from it: a public type cannot derive from an
/// internal one, and a struct <typeparamref name="TRows"/> keeps the per-row calls direct.</para>
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
/// <typeparam name="TRows">What the limiter holds; mutated in place in <see cref="Rows"/>.</typeparam>
[DebuggerDisplay("snapshot every {_ticker.Period} ms")]
internal sealed class SnapshotRateLimiterCore<T, TRows>
    where TRows : struct, ISnapshotRows<T>
{
    /// <summary>Where snapshots go.</summary>
    private readonly QueryOutput<T> _output;

    /// <summary>The tick schedule.</summary>
    private readonly RateLimitTicker _ticker;

    /// <summary>The chunk being built by the current call (reused).</summary>
    private readonly EventBuffer<T> _out = new();

    /// <summary>What the limiter holds. A field, not a property, so calls mutate it in place.</summary>
    public TRows Rows;

    public SnapshotRateLimiterCore(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period, TRows rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _ticker = new RateLimitTicker(clock, timer, period);
        Rows = rows;
    }

    /// <summary>The period in milliseconds.</summary>
    public long Period => _ticker.Period;

    /// <summary>See <see cref="IOutputRateLimiter{T}.Process"/>.</summary>
    public void Process(EventBuffer<T> selected)
    {
        _out.Clear();
        foreach (ref readonly var e in selected.Span)
        {
            if (!TRows.Takes(e.Kind))
            {
                continue;
            }

            if (_ticker.IsDue(e.Timestamp))
            {
                Flush();
            }

            Rows.Take(in e);
        }

        RateLimiterEmit.EmitAndClear(_output, _out);
    }

    /// <summary>See <see cref="IOutputRateLimiter{T}.OnTimer"/>.</summary>
    public void OnTimer(long dueTime)
    {
        _out.Clear();
        if (_ticker.OnTimer(dueTime))
        {
            Flush();
        }

        _ticker.Rearm();
        RateLimiterEmit.EmitAndClear(_output, _out);
    }

    /// <summary>See <see cref="IOutputRateLimiter{T}.Start"/>.</summary>
    public void Start() => _ticker.Start();

    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        _ticker.WriteState(writer);
        Rows.WriteState(writer, codec);
    }

    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        _ticker.ReadState(reader);
        Rows.ReadState(reader, codec);
    }

    private void Flush()
    {
        Rows.AppendSnapshot(_out);
        _ticker.Advance();
    }
}
