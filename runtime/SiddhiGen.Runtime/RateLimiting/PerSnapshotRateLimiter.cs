using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output snapshot every &lt;t&gt;</c> on a query without a window and without group by: at each tick, emits the
/// latest CURRENT row (again and again until a newer one arrives); nothing before the first row.
/// </summary>
/// <remarks>
/// <para>Like every snapshot limiter, a row whose timestamp reaches the next tick before the tick's timer fired
/// flushes first (Siddhi's <c>tryFlushEvents</c> on arrivals); in playback the timer fires first, so this only shows
/// with a wall clock or a timer due at the same time as the row.</para>
/// Siddhi: <c>PerSnapshotOutputRateLimiter</c>.
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
[DebuggerDisplay("snapshot every {_ticker.Period} ms (last row), Has = {_hasLast}")]
public sealed class PerSnapshotRateLimiter<T> : IOutputRateLimiter<T>
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
    public PerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period)
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

            TryFlush(e.Timestamp);
            if (e.Kind == EventKind.Current)
            {
                _last = e;
                _hasLast = true;
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

    private void TryFlush(long time)
    {
        if (_ticker.IsDue(time))
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_hasLast)
        {
            _out.Add(in _last);
        }

        _ticker.Advance();
    }
}
