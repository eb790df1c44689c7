using System.Diagnostics;
using System.Numerics;

namespace SiddhiGen.Runtime;

/// <summary>
/// What <see cref="MinAggregator{TNum}"/> and <see cref="MaxAggregator{TNum}"/> share: the extreme value held, of the
/// argument's type; null when nothing is held. Null values are ignored. Correct under any expiry order.
/// </summary>
/// <remarks>
/// <para>Siddhi keeps a monotonic deque that assumes first-in-first-out expiry, which gives wrong answers behind
/// windows that expire out of order (<c>sort</c>, <c>frequent</c>, sessions); this keeps an indexed heap of distinct
/// values with counts instead, and agrees with Siddhi wherever Siddhi is right. O(log n) per event, no steady-state
/// allocation.</para>
/// <para>Only the two sealed aggregators derive from it (the constructor is not visible outside the runtime), and
/// its members are not virtual, so calls stay direct.</para>
/// </remarks>
/// <typeparam name="TNum">The argument type: <c>int</c>, <c>long</c>, <c>float</c> or <c>double</c>.</typeparam>
[DebuggerDisplay("Value = {Value}")]
public abstract class ExtremumAggregator<TNum> : IAttributeAggregator<TNum?, TNum?>, IStatePart
    where TNum : struct, INumber<TNum>
{
    /// <summary>The values held.</summary>
    private readonly ExtremumHeap<TNum> _values;

    /// <param name="max">True for the largest value, false for the smallest.</param>
    private protected ExtremumAggregator(bool max) => _values = new(max);

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

    public void WriteState(StateWriter writer) => _values.WriteState(writer);

    public void ReadState(StateReader reader) => _values.ReadState(reader);
}
