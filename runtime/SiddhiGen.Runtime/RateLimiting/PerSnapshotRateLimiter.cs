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
[DebuggerDisplay("snapshot every {_core.Period} ms (last row), Has = {_core.Rows.Has}")]
public sealed class PerSnapshotRateLimiter<T> : IOutputRateLimiter<T>, IStatePart<T>
{
    private readonly SnapshotRateLimiterCore<T, LastCurrentRow> _core;

    /// <param name="output">Where snapshots go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public PerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period) =>
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

    /// <summary>The latest CURRENT row; other kinds leave it as it is.</summary>
    private struct LastCurrentRow : ISnapshotRows<T>
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
