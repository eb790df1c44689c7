using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output snapshot every &lt;t&gt;</c> on a windowed query whose output attributes are all aggregates, without
/// group by: at each tick, emits the latest CURRENT row, if it is still the latest row.
/// </summary>
/// <remarks>
/// <para>An EXPIRED or RESET row forgets the kept row, so once something leaves the window, ticks emit nothing until
/// the next CURRENT row even if the window is not empty (Siddhi sets <c>lastEvent = null</c>; the corpus pins it,
/// e.g. <c>testSnapshotOutputRateLimitQuery9</c>). Pass RESET rows: the non-grouping per-event selector keeps them.</para>
/// <para>Each arrival may flush first, see <see cref="PerSnapshotRateLimiter{T}"/>.</para>
/// Siddhi: <c>AllAggregationPerSnapshotOutputRateLimiter</c>.
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
[DebuggerDisplay("snapshot every {_ticker.Period} ms (all aggregated), Has = {_hasLast}")]
public sealed class AllAggregationPerSnapshotRateLimiter<T> : IOutputRateLimiter<T>
{
    private readonly QueryOutput<T> _output;
    private readonly RateLimitTicker _ticker;
    private readonly EventBuffer<T> _out = new();
    private StreamEvent<T> _last;
    private bool _hasLast;

    /// <param name="output">Where snapshots go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public AllAggregationPerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period)
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
            if (e.Kind == EventKind.Timer)
            {
                continue;
            }

            if (_ticker.IsDue(e.Timestamp))
            {
                Flush();
            }

            if (e.Kind == EventKind.Current)
            {
                _last = e;
                _hasLast = true;
            }
            else
            {
                _last = default;
                _hasLast = false;
            }
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
        if (_hasLast)
        {
            _out.Add(in _last);
        }

        _ticker.Advance();
    }
}
