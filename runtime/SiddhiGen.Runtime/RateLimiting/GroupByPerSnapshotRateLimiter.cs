using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output snapshot every &lt;t&gt;</c> on a query without a window, with group by: at each tick, emits the latest
/// CURRENT row of every key seen so far, keys in order of first appearance (keys are never forgotten).
/// </summary>
/// <remarks>
/// <para>Only CURRENT rows are kept, and only they (and ticks) trigger the early flush described on
/// <see cref="PerSnapshotRateLimiter{T}"/>.</para>
/// Siddhi: <c>GroupByPerSnapshotOutputRateLimiter</c> (a <c>LinkedHashMap</c> of key to latest row).
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
/// <typeparam name="TKey">The group key (a value tuple of the group-by attributes).</typeparam>
/// <typeparam name="TKeyOf">Reads the group key from an output row.</typeparam>
[DebuggerDisplay("snapshot every {_core.Period} ms (last row per key), Keys = {_core.Rows.Latest.Count}")]
public sealed class GroupByPerSnapshotRateLimiter<T, TKey, TKeyOf> : IOutputRateLimiter<T>, IStatePart<T>
    where TKey : notnull
    where TKeyOf : IAttributeAccessor<T, TKey>
{
    private readonly SnapshotRateLimiterCore<T, LatestPerKey> _core;

    /// <param name="output">Where snapshots go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public GroupByPerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period) =>
        _core = new(output, clock, timer, period, new LatestPerKey());

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

    /// <summary>The latest CURRENT row of every key seen so far.</summary>
    private readonly struct LatestPerKey : ISnapshotRows<T>
    {
        public LatestPerKey() => Latest = new();

        public InsertionOrderedMap<TKey, StreamEvent<T>> Latest { get; }

        public void WriteState(StateWriter writer, IStateCodec<T> codec) => RateLimiterState.WriteLatest(writer, Latest, codec);

        public void ReadState(StateReader reader, IStateCodec<T> codec) => RateLimiterState.ReadLatest<T, TKey, TKeyOf>(reader, Latest, codec);


        public static bool Takes(EventKind kind) => kind == EventKind.Current;

        public void Take(in StreamEvent<T> row) => Latest.GetOrAdd(TKeyOf.Get(in row.Data), out _) = row;

        public void AppendSnapshot(EventBuffer<T> output) => RateLimiterEmit.AddAll(output, Latest);
    }
}
