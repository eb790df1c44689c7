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
[DebuggerDisplay("snapshot every {_core.Period} ms (all aggregated), Has = {_core.Rows.Has}")]
public sealed class AllAggregationPerSnapshotRateLimiter<T> : IOutputRateLimiter<T>, IStatePart<T>
{
    private readonly SnapshotRateLimiterCore<T, LatestRow> _core;

    /// <param name="output">Where snapshots go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public AllAggregationPerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period) =>
        _core = new(output, clock, timer, period, default);

    /// <inheritdoc />
    public void Process(EventBuffer<T> selected) => _core.Process(selected);

    /// <inheritdoc />
    public void OnTimer(long dueTime) => _core.OnTimer(dueTime);

    /// <inheritdoc />
    public void Start() => _core.Start();

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec) => _core.WriteState(writer, codec);

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec) => _core.ReadState(reader, codec);

    /// <summary>The latest row while it is a CURRENT one; an EXPIRED or RESET row forgets it.</summary>
    private struct LatestRow : ISnapshotRows<T>
    {
        private StreamEvent<T> _last;

        public bool Has { get; private set; }

        public readonly void WriteState(StateWriter writer, IStateCodec<T> codec)
        {
            writer.WriteBoolean(Has);
            writer.WriteEvent(in _last, codec);
        }

        public void ReadState(StateReader reader, IStateCodec<T> codec)
        {
            Has = reader.ReadBoolean();
            _last = reader.ReadEvent(codec);
        }


        public void Take(in StreamEvent<T> row)
        {
            if (row.Kind == EventKind.Current)
            {
                _last = row;
                Has = true;
            }
            else
            {
                _last = default;
                Has = false;
            }
        }

        public readonly void AppendSnapshot(EventBuffer<T> output)
        {
            if (Has)
            {
                output.Add(in _last);
            }
        }
    }
}
