using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>sum(float|double)</c>: a DOUBLE total (float arguments are widened to double first, as Siddhi does). Null
/// values are ignored; the result is null while no non-null value is held.
/// </summary>
public struct SumDoubleAggregator : IAttributeAggregator<double?, double?>
{
    /// <summary>The running total.</summary>
    private double _sum;

    /// <summary>Non-null values held.</summary>
    private long _count;

    /// <inheritdoc />
    public readonly double? Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _count == 0 ? null : _sum;
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
