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
[DebuggerDisplay("snapshot every {_core.Period} ms (window rows, latest aggregates), Rows = {_core.Rows.Retained.Count}")]
public sealed class AggregationWindowedPerSnapshotRateLimiter<T, TAgg> : IOutputRateLimiter<T>, IStatePart<T>
    where TAgg : ISnapshotAggregates<T>
{
    private readonly SnapshotRateLimiterCore<T, WindowRows> _core;

    /// <param name="output">Where snapshots go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public AggregationWindowedPerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period) =>
        _core = new(output, clock, timer, period, new WindowRows());

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

    /// <summary>The rows in the window, in arrival order, and the latest aggregates.</summary>
    private struct WindowRows : ISnapshotRows<T>
    {
        /// <summary>The row whose aggregate attributes are the latest ones.</summary>
        private T _aggregates;
        private bool _hasAggregates;

        public WindowRows()
        {
            Retained = new();
            _aggregates = default!;
        }

        public EventBuffer<T> Retained { get; }

        public readonly void WriteState(StateWriter writer, IStateCodec<T> codec)
        {
            writer.WriteEvents(Retained.Span, codec);
            writer.WriteBoolean(_hasAggregates);
            codec.Write(writer, in _aggregates);
        }

        public void ReadState(StateReader reader, IStateCodec<T> codec)
        {
            RateLimiterState.ReadBuffer(reader, Retained, codec);
            _hasAggregates = reader.ReadBoolean();
            _aggregates = codec.Read(reader);
        }


        public void Take(in StreamEvent<T> row)
        {
            switch (row.Kind)
            {
                case EventKind.Current:
                    Retained.Add(in row);
                    _aggregates = row.Data;
                    _hasAggregates = true;
                    break;
                case EventKind.Expired:
                    if (RetainedRows.RemoveFirstMatch<T, TAgg>(Retained, in row.Data))
                    {
                        _aggregates = row.Data;
                        _hasAggregates = true;
                    }

                    break;
                case EventKind.Reset:
                    Retained.Clear();
                    _aggregates = default!;
                    _hasAggregates = false;
                    break;
            }
        }

        public readonly void AppendSnapshot(EventBuffer<T> output)
        {
            foreach (ref readonly var row in Retained.Span)
            {
                // Retained rows always came with aggregates (a RESET clears both), so the fallback is defensive.
                var data = _hasAggregates ? TAgg.WithAggregatesOf(in row.Data, in _aggregates) : row.Data;
                output.Add(row.Timestamp, in data, row.Kind);
            }
        }
    }
}
