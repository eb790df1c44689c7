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
[DebuggerDisplay("snapshot every {_core.Period} ms (all aggregated per key), Keys = {_core.Rows.Groups.Count}")]
public sealed class AllAggregationGroupByWindowedPerSnapshotRateLimiter<T, TKey, TKeyOf> : IOutputRateLimiter<T>, IStatePart<T>
    where TKey : notnull
    where TKeyOf : IAttributeAccessor<T, TKey>
{
    private readonly SnapshotRateLimiterCore<T, GroupRows> _core;

    /// <param name="output">Where snapshots go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public AllAggregationGroupByWindowedPerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period) =>
        _core = new(output, clock, timer, period, new GroupRows());

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

    /// <summary>Per key in order of first appearance, its rows in the window and latest row.</summary>
    private readonly struct GroupRows : ISnapshotRows<T>
    {
        public GroupRows() => Groups = new();

        public InsertionOrderedMap<TKey, Group> Groups { get; }

        /// <summary>Each group's count and latest row, in order of first appearance (keys are read from the rows again).</summary>
        public void WriteState(StateWriter writer, IStateCodec<T> codec)
        {
            Groups.Sweep();
            writer.WriteCount(Groups.Count);
            for (var i = 0; i < Groups.Count; i++)
            {
                ref var group = ref Groups.ValueAt(i);
                writer.WriteInt64(group.Count);
                writer.WriteEvent(in group.Last, codec);
            }
        }

        public void ReadState(StateReader reader, IStateCodec<T> codec)
        {
            Groups.Clear();
            for (int i = 0, count = reader.ReadCount(); i < count; i++)
            {
                var groupCount = reader.ReadInt64();
                var last = reader.ReadEvent(codec);
                ref var group = ref Groups.GetOrAdd(TKeyOf.Get(in last.Data), out _);
                group.Count = groupCount;
                group.Last = last;
            }
        }


        public void Take(in StreamEvent<T> row)
        {
            if (row.Kind == EventKind.Reset)
            {
                Groups.Clear();
                return;
            }

            ref var group = ref Groups.GetOrAdd(TKeyOf.Get(in row.Data), out _);
            group.Last = row;
            group.Count += row.Kind == EventKind.Current ? 1 : -1;
        }

        public void AppendSnapshot(EventBuffer<T> output)
        {
            for (var i = 0; i < Groups.Count; i++)
            {
                ref var group = ref Groups.ValueAt(i);
                if (group.Count <= 0)
                {
                    // The key left the window: Siddhi clears its holder and removes it while iterating.
                    Groups.MarkRemoved(i);
                }
                else
                {
                    output.Add(in group.Last);
                }
            }

            Groups.Sweep();
        }
    }

    /// <summary>Rows of one key in the window (CURRENT minus EXPIRED) and its latest row.</summary>
    private struct Group
    {
        public long Count;
        public StreamEvent<T> Last;
    }
}
