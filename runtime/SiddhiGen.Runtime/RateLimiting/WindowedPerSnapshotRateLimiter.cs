using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>output snapshot every &lt;t&gt;</c> on a windowed query (a <c>#window</c> or a join) with no aggregated output
/// attribute, with or without group by: keeps the rows currently in the window and emits them all at each tick,
/// in arrival order.
/// </summary>
/// <remarks>
/// <para>A CURRENT row is appended; an EXPIRED row removes the first retained row that
/// <typeparamref name="TMatch"/> matches (nothing when none does); a RESET row clears everything. Without group by
/// Siddhi's per-event selector passes a batch window's RESET on, so pass RESET rows here; with group by it drops
/// them (the expired rows empty the list instead), so do not.</para>
/// <para>Each arrival may flush first, see <see cref="PerSnapshotRateLimiter{T}"/>.</para>
/// Siddhi: <c>WindowedPerSnapshotOutputRateLimiter</c> (the same class serves group by, unwrapping grouped events).
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
/// <typeparam name="TMatch">Compares all visible output attributes (Siddhi: <c>Arrays.equals</c> on output data).</typeparam>
[DebuggerDisplay("snapshot every {_core.Period} ms (window rows), Rows = {_core.Rows.Retained.Count}")]
public sealed class WindowedPerSnapshotRateLimiter<T, TMatch> : IOutputRateLimiter<T>, IStatePart<T>
    where TMatch : ISnapshotRowMatcher<T>
{
    private readonly SnapshotRateLimiterCore<T, WindowRows> _core;

    /// <param name="output">Where snapshots go.</param>
    /// <param name="clock">The app clock (ticks are scheduled on it).</param>
    /// <param name="timer">The operator; it forwards its timer callbacks to <see cref="OnTimer"/>.</param>
    /// <param name="period">The period in milliseconds, at least 1.</param>
    public WindowedPerSnapshotRateLimiter(QueryOutput<T> output, AppClock clock, ITimerTarget timer, long period) =>
        _core = new(output, clock, timer, period, new WindowRows());

    /// <summary>The rows a tick would emit now.</summary>
    public ReadOnlySpan<StreamEvent<T>> Retained => _core.Rows.Retained.Span;

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

    /// <summary>The rows in the window, in arrival order.</summary>
    private readonly struct WindowRows : ISnapshotRows<T>
    {
        public WindowRows() => Retained = new();

        public EventBuffer<T> Retained { get; }

        public void WriteState(StateWriter writer, IStateCodec<T> codec) => writer.WriteEvents(Retained.Span, codec);

        public void ReadState(StateReader reader, IStateCodec<T> codec) => RateLimiterState.ReadBuffer(reader, Retained, codec);


        public void Take(in StreamEvent<T> row)
        {
            switch (row.Kind)
            {
                case EventKind.Current:
                    Retained.Add(in row);
                    break;
                case EventKind.Expired:
                    RetainedRows.RemoveFirstMatch<T, TMatch>(Retained, in row.Data);
                    break;
                case EventKind.Reset:
                    Retained.Clear();
                    break;
            }
        }

        public void AppendSnapshot(EventBuffer<T> output) => output.AddRange(Retained.Span);
    }
}
