using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>distinctCount(x)</c>: a LONG count of the distinct values held, kept as a value → occurrences map (a value
/// leaves when its count reaches 0). Null counts as a value. 0 when empty and after a reset.
/// </summary>
/// <typeparam name="TValue">The argument type as the generator holds it, e.g. <c>string?</c> or <c>double?</c>.</typeparam>
[DebuggerDisplay("Value = {Value}")]
public sealed class DistinctCountAggregator<TValue> : IAttributeAggregator<TValue, long>, IStatePart
{
    /// <summary>Occurrences per distinct value.</summary>
    private readonly Dictionary<NullableKey<TValue>, long> _counts = [];

    /// <inheritdoc />
    public long Value => _counts.Count;

    /// <inheritdoc />
    public void Add(TValue value) => CollectionsMarshal.GetValueRefOrAddDefault(_counts, new NullableKey<TValue>(value), out _)++;

    /// <inheritdoc />
    public void Remove(TValue value)
    {
        var key = new NullableKey<TValue>(value);
        ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(_counts, key);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref count))
        {
            return;
        }

        if (--count <= 0)
        {
            _counts.Remove(key);
        }
    }

    /// <inheritdoc />
    public void Reset() => _counts.Clear();

    public void WriteState(StateWriter writer)
    {
        writer.WriteCount(_counts.Count);
        foreach (var (key, count) in _counts)
        {
            writer.WriteValue(key.Value);
            writer.WriteInt64(count);
        }
    }

    public void ReadState(StateReader reader)
    {
        _counts.Clear();
        var size = reader.ReadCount();
        for (var i = 0; i < size; i++)
        {
            var value = reader.ReadValue<TValue>();
            _counts[new NullableKey<TValue>(value)] = reader.ReadInt64();
        }
    }
}
