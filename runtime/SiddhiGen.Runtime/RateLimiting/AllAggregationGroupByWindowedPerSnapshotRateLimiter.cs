using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output snapshot every &lt;t&gt;</c> on a windowed query whose output attributes are all aggregates, with group
/// by: at each tick, emits the latest row of every key that still has rows in the window, keys in order of first
/// appearance.
/// </summary>
/// <remarks>
/// <para>Per key it counts CURRENT rows up and EXPIRED rows down and keeps the latest row of either kind, so a key
/// whose latest row was an expiry goes out as that EXPIRED row (the corpus pins it:
/// <c>testSnapshotOutputRateLimitQuery7</c> reports them as removed events). A tick drops keys whose count is 0 or
/// less; a RESET row drops all keys (Siddhi's grouping selector never passes RESET on, so do not pass it).</para>
/// <para>Each arrival may flush first, see <see cref="PerSnapshotRateLimiter{T}"/>.</para>
/// Siddhi: <c>AllAggregationGroupByWindowedPerSnapshotOutputRateLimiter</c> (a <c>LinkedHashMap</c> of key to
/// <c>LastEventHolder</c>).
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
/// <typeparam name="TKey">The group key (a value tuple of the group-by attributes).</typeparam>
/// <typeparam name="TKeyOf">Reads the group key from an output row.</typeparam>
[DebuggerDisplay("snapshot every {_ticker.Period} ms (all aggregated per key), Keys = {_groups.Count}")]
public sealed class AllAggregationGroupByWindowedPerSnapshotRateLimiter<T, TKey, TKeyOf> : IOutputRateLimiter<T>
    where TKey : notnull
    where TKeyOf : IAttributeAccessor<T, TKey>
{
    private readonly QueryOutput<T> _output;
    private readonly RateLimitTicker _ticker;
    private readonly InsertionOrderedMap<TKey, Group> _groups = new();
    private readonly EventBuffer<T> _out = new();

    /// <param name="output">Where snapshots go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public AllAggregationGroupByWindowedPerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period)
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

            if (e.Kind == EventKind.Reset)
            {
                _groups.Clear();
                continue;
            }

            ref var group = ref _groups.GetOrAdd(TKeyOf.Get(in e.Data), out _);
            group.Last = e;
            group.Count += e.Kind == EventKind.Current ? 1 : -1;
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
        for (var i = 0; i < _groups.Count; i++)
        {
            ref var group = ref _groups.ValueAt(i);
            if (group.Count <= 0)
            {
                // The key left the window: Siddhi clears its holder and removes it while iterating.
                _groups.MarkRemoved(i);
            }
            else
            {
                _out.Add(in group.Last);
            }
        }

        _groups.Sweep();
        _ticker.Advance();
    }

    /// <summary>Rows of one key in the window (CURRENT minus EXPIRED) and its latest row.</summary>
    private struct Group
    {
        public long Count;
        public StreamEvent<T> Last;
    }
}
