using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output snapshot every &lt;t&gt;</c> on a query without a window, with group by: at each tick, emits the latest
/// CURRENT row of every key seen so far, keys in order of first appearance (keys are never forgotten).
/// </summary>
/// <remarks>
/// <para>Only CURRENT rows are kept, and only they (and ticks) trigger the early flush described on
/// <see cref="PerSnapshotRateLimiter{T}"/>.</para>
/// Siddhi: <c>GroupByPerSnapshotOutputRateLimiter</c> (a <c>LinkedHashMap</c> of key to latest row).
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
/// <typeparam name="TKey">The group key (a value tuple of the group-by attributes).</typeparam>
/// <typeparam name="TKeyOf">Reads the group key from an output row.</typeparam>
[DebuggerDisplay("snapshot every {_ticker.Period} ms (last row per key), Keys = {_latest.Count}")]
public sealed class GroupByPerSnapshotRateLimiter<T, TKey, TKeyOf> : IOutputRateLimiter<T>
    where TKey : notnull
    where TKeyOf : IAttributeAccessor<T, TKey>
{
    private readonly QueryOutput<T> _output;
    private readonly RateLimitTicker _ticker;
    private readonly InsertionOrderedMap<TKey, StreamEvent<T>> _latest = new();
    private readonly EventBuffer<T> _out = new();

    /// <param name="output">Where snapshots go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public GroupByPerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _ticker = new RateLimitTicker(clock, timer, period);
    }

    /// <inheritdoc />
    public void Process(EventBuffer<T> selected)
    {
        _out.Clear();
        foreach (ref readonly var e in selected.Span)
        {
            if (e.Kind != EventKind.Current)
            {
                continue;
            }

            if (_ticker.IsDue(e.Timestamp))
            {
                Flush();
            }

            _latest.GetOrAdd(TKeyOf.Get(in e.Data), out _) = e;
        }

        RateLimiterEmit.EmitAndClear(_output, _out);
    }

    /// <inheritdoc />
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

    /// <inheritdoc />
    public void Start() => _ticker.Start();

    private void Flush()
    {
        for (var i = 0; i < _latest.Count; i++)
        {
            _out.Add(in _latest.ValueAt(i));
        }

        _ticker.Advance();
    }
}
