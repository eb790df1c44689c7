namespace SiddhiGen.Runtime;

/// <summary>
/// What one kind of <c>output snapshot</c> limiter holds between ticks and what a tick emits; the schedule around it
/// is <see cref="SnapshotRateLimiterCore{T, TRows}"/>.
/// </summary>
/// <remarks>
/// Implemented by a private struct in each public limiter, so the core is specialised per limiter and these calls
/// are direct (no virtual dispatch per row).
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
internal interface ISnapshotRows<T>
{
    /// <summary>True for the row kinds the limiter takes in (only those can flush early); all but TIMER by default.</summary>
    static virtual bool Takes(EventKind kind) => kind != EventKind.Timer;

    /// <summary>Takes in one arriving row of a kind <see cref="Takes"/> accepts, after any early flush.</summary>
    void Take(in StreamEvent<T> row);

    /// <summary>Appends the rows a tick emits now to <paramref name="output"/>.</summary>
    void AppendSnapshot(EventBuffer<T> output);

    /// <summary>What the rows hold, for a snapshot of the limiter.</summary>
    void WriteState(StateWriter writer, IStateCodec<T> codec);

    /// <summary>Replaces what the rows hold with what <see cref="WriteState"/> wrote.</summary>
    void ReadState(StateReader reader, IStateCodec<T> codec);
}
