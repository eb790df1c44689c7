using System.Diagnostics;
using System.Numerics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>max(int|long|float|double)</c>: the largest value held, of the argument's type; null when nothing is held.
/// Null values are ignored. Correct under any expiry order (see the remarks).
/// </summary>
/// <typeparam name="TNum">The argument type: <c>int</c>, <c>long</c>, <c>float</c> or <c>double</c>.</typeparam>
/// <remarks>
/// Siddhi keeps a monotonic deque that assumes first-in-first-out expiry, which gives wrong answers behind windows
/// that expire out of order (<c>sort</c>, <c>frequent</c>, sessions); this keeps an indexed heap of distinct values
/// with counts instead, and agrees with Siddhi wherever Siddhi is right. O(log n) per event, no steady-state allocation.
/// </remarks>
[DebuggerDisplay("Value = {Value}")]
public sealed class MaxAggregator<TNum> : IAttributeAggregator<TNum?, TNum?>
    where TNum : struct, INumber<TNum>
{
    /// <summary>The values held.</summary>
    private readonly ExtremumHeap<TNum> _values = new(max: true);

    /// <inheritdoc />
    public TNum? Value => _values.Top;

    /// <inheritdoc />
    public void Add(TNum? value)
    {
        if (value is { } v)
        {
            _values.Add(v);
        }
    }

    /// <inheritdoc />
    public void Remove(TNum? value)
    {
        if (value is { } v)
        {
            _values.Remove(v);
        }
    }

    /// <inheritdoc />
    public void Reset() => _values.Clear();
}
