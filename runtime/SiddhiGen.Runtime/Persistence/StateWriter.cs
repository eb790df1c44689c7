using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace SiddhiGen.Runtime;

/// <summary>
/// Writes the state of an app's operators as compact little-endian binary: fixed-size numbers, a presence byte before
/// nullable values, UTF-8 strings with their length. Typed methods only, so nothing is boxed or reflected over: the
/// generator writes one call per attribute (trim- and AOT-safe).
/// </summary>
public sealed class StateWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public StateWriter(int initialCapacity = 256) => _buffer = new ArrayBufferWriter<byte>(Math.Max(16, initialCapacity));

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    /// <summary>How many bytes were written.</summary>
    public int Length => _buffer.WrittenCount;

    /// <summary>The timers of the app being snapshotted, for <see cref="WriteTimers"/>; null outside a snapshot.</summary>
    internal TimerCapture? Timers { get; set; }

    public void WriteByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void WriteDouble(double value) => WriteInt64(BitConverter.DoubleToInt64Bits(value));

    public void WriteSingle(float value) => WriteInt32(BitConverter.SingleToInt32Bits(value));

    /// <summary>A count or length (non-negative).</summary>
    public void WriteCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        WriteInt32(count);
    }

    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        WriteInt32(length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        WriteInt32(bytes.Length);
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    /// <summary>Bytes without a length prefix (the reader knows how many to expect).</summary>
    internal void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    public void WriteNullableInt32(int? value)
    {
        WriteBoolean(value.HasValue);
        if (value is { } v)
        {
            WriteInt32(v);
        }
    }

    public void WriteNullableInt64(long? value)
    {
        WriteBoolean(value.HasValue);
        if (value is { } v)
        {
            WriteInt64(v);
        }
    }

    public void WriteNullableDouble(double? value)
    {
        WriteBoolean(value.HasValue);
        if (value is { } v)
        {
            WriteDouble(v);
        }
    }

    public void WriteNullableSingle(float? value)
    {
        WriteBoolean(value.HasValue);
        if (value is { } v)
        {
            WriteSingle(v);
        }
    }

    public void WriteNullableBoolean(bool? value) => WriteByte(value switch { null => 0, false => 1, true => 2 });

    /// <summary>
    /// An <c>object</c> attribute: null, a string, a boolean or a number keep their type; any other value has no
    /// portable form, so the snapshot fails with an error naming its type rather than saving something it cannot read.
    /// </summary>
    public void WriteObject(object? value)
    {
        switch (value)
        {
            case null: WriteByte(0); break;
            case string s: WriteByte(1); WriteString(s); break;
            case int i: WriteByte(2); WriteInt32(i); break;
            case long l: WriteByte(3); WriteInt64(l); break;
            case double d: WriteByte(4); WriteDouble(d); break;
            case float f: WriteByte(5); WriteSingle(f); break;
            case bool b: WriteByte(6); WriteBoolean(b); break;
            default:
                throw new SnapshotException($"An attribute of type 'object' holds a {value.GetType().FullName}, which a snapshot cannot hold (only null, string, bool, int, long, float and double).");
        }
    }

    /// <summary>
    /// A value of a type the runtime knows (the numbers, bool, string, their nullable forms, object): for generic
    /// runtime containers such as distinct-count sets. The <c>typeof</c> tests fold away when <typeparamref name="T"/> is known.
    /// </summary>
    public void WriteValue<T>(T value)
    {
        if (typeof(T) == typeof(int)) WriteInt32(Unsafe.As<T, int>(ref value));
        else if (typeof(T) == typeof(long)) WriteInt64(Unsafe.As<T, long>(ref value));
        else if (typeof(T) == typeof(double)) WriteDouble(Unsafe.As<T, double>(ref value));
        else if (typeof(T) == typeof(float)) WriteSingle(Unsafe.As<T, float>(ref value));
        else if (typeof(T) == typeof(bool)) WriteBoolean(Unsafe.As<T, bool>(ref value));
        else if (typeof(T) == typeof(int?)) WriteNullableInt32(Unsafe.As<T, int?>(ref value));
        else if (typeof(T) == typeof(long?)) WriteNullableInt64(Unsafe.As<T, long?>(ref value));
        else if (typeof(T) == typeof(double?)) WriteNullableDouble(Unsafe.As<T, double?>(ref value));
        else if (typeof(T) == typeof(float?)) WriteNullableSingle(Unsafe.As<T, float?>(ref value));
        else if (typeof(T) == typeof(bool?)) WriteNullableBoolean(Unsafe.As<T, bool?>(ref value));
        else if (typeof(T) == typeof(string)) WriteString(Unsafe.As<T, string?>(ref value));
        else if (typeof(T) == typeof(object)) WriteObject(value);
        else throw new SnapshotException($"A value of type {typeof(T).FullName} has no snapshot form.");
    }

    /// <summary>Events with their timestamps and kinds, each payload through <paramref name="codec"/>.</summary>
    public void WriteEvents<T>(ReadOnlySpan<StreamEvent<T>> events, IStateCodec<T> codec)
    {
        WriteCount(events.Length);
        foreach (ref readonly var e in events)
        {
            WriteEvent(in e, codec);
        }
    }

    public void WriteEvent<T>(in StreamEvent<T> e, IStateCodec<T> codec)
    {
        WriteInt64(e.Timestamp);
        WriteByte((byte)e.Kind);
        codec.Write(this, in e.Data);
    }

    /// <summary>
    /// The timers <paramref name="target"/> has pending on the app clock. Every timer target writes its own, so a
    /// restore puts them back on the new instance's clock in their original order.
    /// </summary>
    public void WriteTimers(ITimerTarget target)
    {
        var timers = Timers ?? throw new InvalidOperationException("Timers are written only while the app takes a snapshot.");
        var mine = timers.Claim(target);
        WriteCount(mine.Count);
        foreach (var (due, sequence) in mine)
        {
            WriteInt64(due);
            WriteInt64(sequence);
        }
    }

    /// <summary>The written bytes as a new array.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Reset() => _buffer.ResetWrittenCount();
}
