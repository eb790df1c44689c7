using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>sum(int|long)</c>: a LONG total (Java wrap-around on overflow). Null values are ignored; the result is null
/// while no non-null value is held (before the first one, after all expired, after a reset).
/// </summary>
public struct SumLongAggregator : IAttributeAggregator<long?, long?>, IStatePart
{
    /// <summary>The running total.</summary>
    private long _sum;

    /// <summary>Non-null values held.</summary>
    private long _count;

    /// <inheritdoc />
    public readonly long? Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _count == 0 ? null : _sum;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long? value)
    {
        if (value is { } v)
        {
            _sum += v;
            _count++;
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(long? value)
    {
        if (value is { } v)
        {
            _sum -= v;
            _count--;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _sum = 0;
        _count = 0;
    }

    public readonly void WriteState(StateWriter writer)
    {
        writer.WriteInt64(_sum);
        writer.WriteInt64(_count);
    }

    public void ReadState(StateReader reader)
    {
        _sum = reader.ReadInt64();
        _count = reader.ReadInt64();
    }
}
