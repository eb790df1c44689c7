using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output snapshot every &lt;t&gt;</c> on a windowed query with some (not all) output attributes aggregated,
/// without group by: keeps the rows currently in the window and, at each tick, emits each of them carrying the latest
/// aggregate values, in arrival order.
/// </summary>
/// <remarks>
/// <para>A CURRENT row is appended and its aggregates become the latest; an EXPIRED row removes the first retained row
/// that <typeparamref name="TAgg"/> matches (non-aggregate attributes) and, when one matched, its aggregates become
/// the latest; a RESET row clears everything (pass RESET rows: the non-grouping per-event selector keeps them).</para>
/// <para>Each arrival may flush first, see <see cref="PerSnapshotRateLimiter{T}"/>.</para>
/// Siddhi: <c>AggregationWindowedPerSnapshotOutputRateLimiter</c>.
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
/// <typeparam name="TAgg">Matches rows on their non-aggregate attributes and copies aggregate attributes.</typeparam>
[DebuggerDisplay("snapshot every {_ticker.Period} ms (window rows, latest aggregates), Rows = {_retained.Count}")]
public sealed class AggregationWindowedPerSnapshotRateLimiter<T, TAgg> : IOutputRateLimiter<T>
    where TAgg : ISnapshotAggregates<T>
{
    private readonly QueryOutput<T> _output;
    private readonly RateLimitTicker _ticker;
    private readonly EventBuffer<T> _retained = new();
    private readonly EventBuffer<T> _out = new();

    /// <summary>The row whose aggregate attributes are the latest ones.</summary>
    private T _aggregates = default!;
    private bool _hasAggregates;

    /// <param name="output">Where snapshots go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public AggregationWindowedPerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period)
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

            switch (e.Kind)
            {
                case EventKind.Current:
                    _retained.Add(in e);
                    _aggregates = e.Data;
                    _hasAggregates = true;
                    break;
                case EventKind.Expired:
                    if (RemoveFirstMatch(in e.Data))
                    {
                        _aggregates = e.Data;
                        _hasAggregates = true;
                    }

                    break;
                case EventKind.Reset:
                    _retained.Clear();
                    _aggregates = default!;
                    _hasAggregates = false;
                    break;
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

    private bool RemoveFirstMatch(in T expired)
    {
        var rows = _retained.Span;
        for (var i = 0; i < rows.Length; i++)
        {
            if (TAgg.Matches(in rows[i].Data, in expired))
            {
                _retained.RemoveRange(i, 1);
                return true;
            }
        }

        return false;
    }

    private void Flush()
    {
        foreach (ref readonly var row in _retained.Span)
        {
            // Retained rows always came with aggregates (a RESET clears both), so the fallback is defensive.
            var data = _hasAggregates ? TAgg.WithAggregatesOf(in row.Data, in _aggregates) : row.Data;
            _out.Add(row.Timestamp, in data, row.Kind);
        }

        _ticker.Advance();
    }
}
