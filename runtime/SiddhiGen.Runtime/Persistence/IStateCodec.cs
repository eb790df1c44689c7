namespace SiddhiGen.Runtime;

/// <summary>
/// Writes and reads one value of <typeparamref name="T"/> (an event struct, a table row, a group key). The generator
/// emits one per type it generates, with one typed call per attribute, so runtime containers (windows, tables) save
/// their contents without reflection or boxing.
/// </summary>
public interface IStateCodec<T>
{
    void Write(StateWriter writer, in T value);

    T Read(StateReader reader);
}
