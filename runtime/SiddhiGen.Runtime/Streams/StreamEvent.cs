using System.Runtime.InteropServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// A typed event inside the engine: the generated payload struct, its timestamp and its kind.
/// Operators pass it by <c>in</c> and keep it in ring buffers, so it never boxes.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public struct StreamEvent<T>
{
    public long Timestamp;
    public T Data;
    public EventKind Kind;

    public StreamEvent(long timestamp, T data, EventKind kind = EventKind.Current)
    {
        Timestamp = timestamp;
        Data = data;
        Kind = kind;
    }

    public readonly bool IsExpired => Kind == EventKind.Expired;

    public override readonly string ToString() => $"{Kind}@{Timestamp}: {Data}";
}
