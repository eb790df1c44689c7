using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output snapshot every &lt;t&gt;</c> on a windowed query with some (not all) output attributes aggregated, with
/// group by: keeps the rows currently in the window and, at each tick, emits the first retained row of every key,
/// carrying that key's latest aggregate values, in arrival order of those rows.
/// </summary>
/// <remarks>
/// <para>A CURRENT row is appended and its aggregates become its key's latest; an EXPIRED row removes the first
/// retained row that <typeparamref name="TAgg"/> matches (non-aggregate attributes, whatever that row's key) and,
/// when one matched, its aggregates become the expired row's key's latest; a RESET row clears everything (Siddhi's
/// grouping selector never passes RESET on, so do not pass it).</para>
/// <para>Each arrival may flush first, see <see cref="PerSnapshotRateLimiter{T}"/>.</para>
/// Siddhi: <c>AggregationGroupByWindowedPerSnapshotOutputRateLimiter</c>.
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
/// <typeparam name="TKey">The group key (a value tuple of the group-by attributes).</typeparam>
/// <typeparam name="TKeyOf">Reads the group key from an output row.</typeparam>
/// <typeparam name="TAgg">Matches rows on their non-aggregate attributes and copies aggregate attributes.</typeparam>
[DebuggerDisplay("snapshot every {_ticker.Period} ms (first row per key, latest aggregates), Rows = {_retained.Count}")]
public sealed class AggregationGroupByWindowedPerSnapshotRateLimiter<T, TKey, TKeyOf, TAgg> : IOutputRateLimiter<T>
    where TKey : notnull
    where TKeyOf : IAttributeAccessor<T, TKey>
    where TAgg : ISnapshotAggregates<T>
{
    private readonly QueryOutput<T> _output;
    private readonly RateLimitTicker _ticker;
    private readonly EventBuffer<T> _retained = new();

    /// <summary>Per key, the row whose aggregate attributes are the key's latest.</summary>
    private readonly Dictionary<TKey, T> _aggregates = [];

    /// <summary>Keys already emitted by the flush in progress (reused).</summary>
    private readonly HashSet<TKey> _flushed = [];
    private readonly EventBuffer<T> _out = new();

    /// <param name="output">Where snapshots go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public AggregationGroupByWindowedPerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period)
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
                    _aggregates[TKeyOf.Get(in e.Data)] = e.Data;
                    break;
                case EventKind.Expired:
                    if (RemoveFirstMatch(in e.Data))
                    {
                        _aggregates[TKeyOf.Get(in e.Data)] = e.Data;
                    }

                    break;
                case EventKind.Reset:
                    _retained.Clear();
                    _aggregates.Clear();
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
        _flushed.Clear();
        foreach (ref readonly var row in _retained.Span)
        {
            var key = TKeyOf.Get(in row.Data);
            if (!_flushed.Add(key))
            {
                continue;
            }

            // A retained row's key always has aggregates (its CURRENT row set them), so the fallback is defensive.
            var data = _aggregates.TryGetValue(key, out var aggregates) ? TAgg.WithAggregatesOf(in row.Data, in aggregates) : row.Data;
            _out.Add(row.Timestamp, in data, row.Kind);
        }

        _ticker.Advance();
    }
}
