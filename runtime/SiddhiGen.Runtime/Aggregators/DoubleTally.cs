using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// A running double total over a count of non-null values: the state <see cref="SumDoubleAggregator"/> and
/// <see cref="AvgAggregator"/> share (they differ only in how <c>Value</c> reads it). Null values are ignored.
/// </summary>
/// <remarks>A struct field of the aggregator, inlined away: no indirection or dispatch per event.</remarks>
internal struct DoubleTally
{
    /// <summary>The running total.</summary>
    public double Sum;

    /// <summary>Non-null values held.</summary>
    public long Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double? value)
    {
        if (value is { } v)
        {
            Sum += v;
            Count++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(double? value)
    {
        if (value is { } v)
        {
            Sum -= v;
            Count--;
        }
    }

    public void Reset()
    {
        Sum = 0.0;
        Count = 0;
    }
}
