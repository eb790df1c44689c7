using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace SiddhiGen.Runtime;

/// <summary>
/// Reads what <see cref="StateWriter"/> wrote, in the same order. Reading past the end or finding a value that cannot
/// be (a negative length, an unknown tag) throws <see cref="SnapshotException"/>: a corrupt snapshot never turns into
/// half-read state silently.
/// </summary>
public sealed class StateReader
{
    private readonly ReadOnlyMemory<byte> _data;
    private int _position;

    public StateReader(ReadOnlyMemory<byte> data) => _data = data;

    /// <summary>Bytes not read yet.</summary>
    public int Remaining => _data.Length - _position;

    /// <summary>Where restored timers are collected; null outside a restore.</summary>
    internal TimerRestore? Timers { get; set; }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new SnapshotException($"The snapshot is truncated or corrupt: {count} more bytes expected at offset {_position}, {Remaining} left.");
        }

        var span = _data.Span.Slice(_position, count);
        _position += count;
        return span;
    }

    public byte ReadByte() => Take(1)[0];

    public bool ReadBoolean() => ReadByte() switch
    {
        0 => false,
        1 => true,
        var b => throw Corrupt($"a boolean byte {b}"),
    };

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double ReadDouble() => BitConverter.Int64BitsToDouble(ReadInt64());

    public float ReadSingle() => BitConverter.Int32BitsToSingle(ReadInt32());

    /// <summary>A count written by <see cref="StateWriter.WriteCount"/>; never more than the bytes left could hold.</summary>
    public int ReadCount()
    {
        var count = ReadInt32();
        if (count < 0 || count > Remaining)
        {
            throw Corrupt($"a count of {count} with {Remaining} bytes left");
        }

        return count;
    }

    public string? ReadString()
    {
        var length = ReadInt32();
        if (length == -1)
        {
            return null;
        }

        return Encoding.UTF8.GetString(Take(length));
    }

    public byte[] ReadBytes() => Take(ReadCount()).ToArray();

    /// <summary>Bytes without a length prefix.</summary>
    internal ReadOnlyMemory<byte> ReadRaw(int count)
    {
        Take(count);
        return _data.Slice(_position - count, count);
    }

    public int? ReadNullableInt32() => ReadBoolean() ? ReadInt32() : null;

    public long? ReadNullableInt64() => ReadBoolean() ? ReadInt64() : null;

    public double? ReadNullableDouble() => ReadBoolean() ? ReadDouble() : null;

    public float? ReadNullableSingle() => ReadBoolean() ? ReadSingle() : null;

    public bool? ReadNullableBoolean() => ReadByte() switch
    {
        0 => null,
        1 => false,
        2 => true,
        var b => throw Corrupt($"a nullable boolean byte {b}"),
    };

    public object? ReadObject() => ReadByte() switch
    {
        0 => null,
        1 => ReadString(),
        2 => ReadInt32(),
        3 => ReadInt64(),
        4 => ReadDouble(),
        5 => ReadSingle(),
        6 => ReadBoolean(),
        var tag => throw Corrupt($"an object tag {tag}"),
    };

    /// <summary>The counterpart of <see cref="StateWriter.WriteValue{T}"/>.</summary>
    public T ReadValue<T>()
    {
        if (typeof(T) == typeof(int)) { var v = ReadInt32(); return Unsafe.As<int, T>(ref v); }
        if (typeof(T) == typeof(long)) { var v = ReadInt64(); return Unsafe.As<long, T>(ref v); }
        if (typeof(T) == typeof(double)) { var v = ReadDouble(); return Unsafe.As<double, T>(ref v); }
        if (typeof(T) == typeof(float)) { var v = ReadSingle(); return Unsafe.As<float, T>(ref v); }
        if (typeof(T) == typeof(bool)) { var v = ReadBoolean(); return Unsafe.As<bool, T>(ref v); }
        if (typeof(T) == typeof(int?)) { var v = ReadNullableInt32(); return Unsafe.As<int?, T>(ref v); }
        if (typeof(T) == typeof(long?)) { var v = ReadNullableInt64(); return Unsafe.As<long?, T>(ref v); }
        if (typeof(T) == typeof(double?)) { var v = ReadNullableDouble(); return Unsafe.As<double?, T>(ref v); }
        if (typeof(T) == typeof(float?)) { var v = ReadNullableSingle(); return Unsafe.As<float?, T>(ref v); }
        if (typeof(T) == typeof(bool?)) { var v = ReadNullableBoolean(); return Unsafe.As<bool?, T>(ref v); }
        if (typeof(T) == typeof(string)) { var v = ReadString(); return Unsafe.As<string?, T>(ref v); }
        if (typeof(T) == typeof(object)) { return (T)ReadObject()!; }
        throw new SnapshotException($"A value of type {typeof(T).FullName} has no snapshot form.");
    }

    /// <summary>One event written by <see cref="StateWriter.WriteEvent{T}"/>.</summary>
    public StreamEvent<T> ReadEvent<T>(IStateCodec<T> codec)
    {
        var timestamp = ReadInt64();
        var kind = ReadByte();
        if (kind > (byte)EventKind.Timer)
        {
            throw Corrupt($"an event kind {kind}");
        }

        return new StreamEvent<T>(timestamp, codec.Read(this), (EventKind)kind);
    }

    /// <summary>Events written by <see cref="StateWriter.WriteEvents{T}"/>, appended to <paramref name="into"/> (cleared first).</summary>
    public void ReadEvents<T>(EventQueue<T> into, IStateCodec<T> codec)
    {
        into.Clear();
        var count = ReadCount();
        for (var i = 0; i < count; i++)
        {
            into.Enqueue(ReadEvent(codec));
        }
    }

    /// <summary>The timers <see cref="StateWriter.WriteTimers"/> wrote, to be put back on the clock for <paramref name="target"/>.</summary>
    public void ReadTimers(ITimerTarget target)
    {
        var timers = Timers ?? throw new InvalidOperationException("Timers are read only while the app restores a snapshot.");
        var count = ReadCount();
        for (var i = 0; i < count; i++)
        {
            var due = ReadInt64();
            var sequence = ReadInt64();
            timers.Add(due, sequence, target);
        }
    }

    /// <summary>Fails unless every byte was read: a state that reads shorter than it was written is not the same state.</summary>
    public void EnsureEnd(string what)
    {
        if (Remaining != 0)
        {
            throw new SnapshotException($"The snapshot's state of {what} has {Remaining} unread bytes: it was written by another version of the app or is corrupt.");
        }
    }

    private SnapshotException Corrupt(string what) => new($"The snapshot is corrupt: {what} at offset {_position}.");
}
