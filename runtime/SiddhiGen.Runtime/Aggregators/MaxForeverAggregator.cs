using System.Numerics;
using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>maxForever(int|long|float|double)</c>: the largest value ever seen by the query, of the argument's type;
/// null before the first non-null value. Expiry and reset do not forget values: as in Siddhi, an expired value is
/// treated like an arriving one and a reset keeps the value.
/// </summary>
/// <typeparam name="TNum">The argument type: <c>int</c>, <c>long</c>, <c>float</c> or <c>double</c>.</typeparam>
public struct MaxForeverAggregator<TNum> : IAttributeAggregator<TNum?, TNum?>, IStatePart
    where TNum : struct, INumber<TNum>
{
    /// <summary>The largest value so far.</summary>
    private TNum? _value;

    /// <inheritdoc />
    public readonly TNum? Value => _value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(TNum? value)
    {
        // Java's 'current < value' test, so NaN behaves as in Siddhi.
        if (value is { } v && (_value is not { } current || current < v))
        {
            _value = v;
        }
    }

    /// <inheritdoc />
    public void Remove(TNum? value) => Add(value);

    /// <inheritdoc />
    public readonly void Reset()
    {
        // The lifetime value survives a reset.
    }

    public readonly void WriteState(StateWriter writer) => writer.WriteValue(_value);

    public void ReadState(StateReader reader) => _value = reader.ReadValue<TNum?>();
}
