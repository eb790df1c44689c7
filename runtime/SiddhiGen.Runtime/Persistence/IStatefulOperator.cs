namespace SiddhiGen.Runtime;

/// <summary>
/// A part of an app that holds state across events: a query operator, a named window, a table, a partition, a trigger.
/// The app registers each one under a stable name; a snapshot holds each one's bytes under that name.
/// </summary>
/// <remarks>
/// Contract: <see cref="ReadState"/> replaces the whole state with what <see cref="WriteState"/> wrote (it clears
/// first, so it also works on a running app), reads exactly what was written, and puts back the timers the operator had
/// pending (<see cref="StateWriter.WriteTimers"/>, <see cref="StateReader.ReadTimers"/>). Both run under the app's
/// processing lock. Transient buffers (a chunk being selected) are empty between events and are not saved.
/// </remarks>
public interface IStatefulOperator
{
    void WriteState(StateWriter writer);

    void ReadState(StateReader reader);
}

/// <summary>Runtime parts that an operator saves as part of its own state (windows, rate limiters, aggregators).</summary>
public interface IStatePart
{
    void WriteState(StateWriter writer);

    void ReadState(StateReader reader);
}

/// <summary>A runtime container over <typeparamref name="T"/> that saves its contents through the generated codec.</summary>
public interface IStatePart<T>
{
    void WriteState(StateWriter writer, IStateCodec<T> codec);

    void ReadState(StateReader reader, IStateCodec<T> codec);
}
