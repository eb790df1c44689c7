using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>avg(int|long|float|double)</c>: a DOUBLE mean, accumulated as a double total over a count (arguments widened to
/// double). Null values are ignored; the result is null while no non-null value is held.
/// </summary>
public struct AvgAggregator : IAttributeAggregator<double?, double?>
{
    /// <summary>The running total.</summary>
    private double _sum;

    /// <summary>Non-null values held.</summary>
    private long _count;

    /// <inheritdoc />
    public readonly double? Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _count == 0 ? null : _sum / _count;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double? value)
    {
        if (value is { } v)
        {
            _sum += v;
            _count++;
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(double? value)
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
        _sum = 0.0;
        _count = 0;
    }
}
