namespace SiddhiGen.Runtime;

/// <summary>
/// Registers a runtime container (an in-memory table) as a stateful part of the app, saving its contents through the
/// generated codec of its row type.
/// </summary>
public sealed class PartState<T>(IStatePart<T> part, IStateCodec<T> codec) : IStatefulOperator
{
    public void WriteState(StateWriter writer) => part.WriteState(writer, codec);

    public void ReadState(StateReader reader) => part.ReadState(reader, codec);
}
