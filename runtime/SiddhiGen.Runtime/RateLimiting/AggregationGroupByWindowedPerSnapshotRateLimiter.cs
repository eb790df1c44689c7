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
[DebuggerDisplay("snapshot every {_core.Period} ms (first row per key, latest aggregates), Rows = {_core.Rows.Retained.Count}")]
public sealed class AggregationGroupByWindowedPerSnapshotRateLimiter<T, TKey, TKeyOf, TAgg> : IOutputRateLimiter<T>, IStatePart<T>
    where TKey : notnull
    where TKeyOf : IAttributeAccessor<T, TKey>
    where TAgg : ISnapshotAggregates<T>
{
    private readonly SnapshotRateLimiterCore<T, WindowRows> _core;

    /// <param name="output">Where snapshots go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public AggregationGroupByWindowedPerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period) =>
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

    /// <summary>The rows in the window, in arrival order, and each key's latest aggregates.</summary>
    private readonly struct WindowRows : ISnapshotRows<T>
    {
        /// <summary>Per key, the row whose aggregate attributes are the key's latest.</summary>
        private readonly Dictionary<TKey, T> _aggregates = [];

        /// <summary>Keys already emitted by the flush in progress (reused).</summary>
        private readonly HashSet<TKey> _flushed = [];

        public WindowRows() => Retained = new();

        public EventBuffer<T> Retained { get; }

        /// <summary>The retained rows and each key's latest aggregates (the keys are read from the rows again).</summary>
        public void WriteState(StateWriter writer, IStateCodec<T> codec)
        {
            writer.WriteEvents(Retained.Span, codec);
            writer.WriteCount(_aggregates.Count);
            foreach (var aggregates in _aggregates.Values)
            {
                codec.Write(writer, in aggregates);
            }
        }

        public void ReadState(StateReader reader, IStateCodec<T> codec)
        {
            RateLimiterState.ReadBuffer(reader, Retained, codec);
            _aggregates.Clear();
            for (int i = 0, count = reader.ReadCount(); i < count; i++)
            {
                var aggregates = codec.Read(reader);
                _aggregates[TKeyOf.Get(in aggregates)] = aggregates;
            }
        }


        public void Take(in StreamEvent<T> row)
        {
            switch (row.Kind)
            {
                case EventKind.Current:
                    Retained.Add(in row);
                    _aggregates[TKeyOf.Get(in row.Data)] = row.Data;
                    break;
                case EventKind.Expired:
                    if (RetainedRows.RemoveFirstMatch<T, TAgg>(Retained, in row.Data))
                    {
                        _aggregates[TKeyOf.Get(in row.Data)] = row.Data;
                    }

                    break;
                case EventKind.Reset:
                    Retained.Clear();
                    _aggregates.Clear();
                    break;
            }
        }

        public void AppendSnapshot(EventBuffer<T> output)
        {
            _flushed.Clear();
            foreach (ref readonly var row in Retained.Span)
            {
                var key = TKeyOf.Get(in row.Data);
                if (!_flushed.Add(key))
                {
                    continue;
                }

                // A retained row's key always has aggregates (its CURRENT row set them), so the fallback is defensive.
                var data = _aggregates.TryGetValue(key, out var aggregates) ? TAgg.WithAggregatesOf(in row.Data, in aggregates) : row.Data;
                output.Add(row.Timestamp, in data, row.Kind);
            }
        }
    }
}
