using System.Collections;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>unionSet(set)</c>: the union of the input sets (OBJECT), with a reference count per element so an element
/// leaves only when every set that brought it has expired. <see cref="Value"/> is a new <see cref="HashSet{T}"/>
/// each time (Siddhi returns a fresh set because downstream may keep it); empty, not null, when nothing is held.
/// </summary>
/// <remarks>
/// Input values are any non-string <see cref="IEnumerable"/> (what <c>createSet</c> returns); other inputs,
/// null included, are ignored (Siddhi throws). Siddhi's reference counts are never decremented below 1, which keeps removed elements counted; we keep
/// exact counts.
/// </remarks>
[DebuggerDisplay("Count = {_counts.Count}")]
public sealed class UnionSetAggregator : IAttributeAggregator<object?, HashSet<object?>>, IStatePart
{
    /// <summary>References per element.</summary>
    private readonly Dictionary<NullableKey<object?>, int> _counts = [];

    /// <inheritdoc />
    public HashSet<object?> Value
    {
        get
        {
            var set = new HashSet<object?>(_counts.Count);
            foreach (var key in _counts.Keys)
            {
                set.Add(key.Value);
            }

            return set;
        }
    }

    /// <inheritdoc />
    public void Add(object? value)
    {
        if (value is string || value is not IEnumerable elements)
        {
            return;
        }

        foreach (var element in elements)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_counts, new NullableKey<object?>(element), out _)++;
        }
    }

    /// <inheritdoc />
    public void Remove(object? value)
    {
        if (value is string || value is not IEnumerable elements)
        {
            return;
        }

        foreach (var element in elements)
        {
            var key = new NullableKey<object?>(element);
            ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(_counts, key);
            if (!Unsafe.IsNullRef(ref count) && --count <= 0)
            {
                _counts.Remove(key);
            }
        }
    }

    /// <inheritdoc />
    public void Reset() => _counts.Clear();

    public void WriteState(StateWriter writer)
    {
        writer.WriteCount(_counts.Count);
        foreach (var (key, count) in _counts)
        {
            writer.WriteObject(key.Value);
            writer.WriteInt32(count);
        }
    }

    public void ReadState(StateReader reader)
    {
        _counts.Clear();
        var size = reader.ReadCount();
        for (var i = 0; i < size; i++)
        {
            var value = reader.ReadObject();
            _counts[new NullableKey<object?>(value)] = reader.ReadInt32();
        }
    }
}
