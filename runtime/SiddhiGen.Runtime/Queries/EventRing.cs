using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// A first-in first-out ring buffer of structs: the storage of a fused sliding window (<c>length</c>, <c>time</c>).
/// The generated operator decides what an entry holds (typically what the event's leaving takes away from the
/// aggregates: the aggregator arguments and the group), so expiring an event is a read at the head, never a lookup.
/// </summary>
/// <remarks>
/// The capacity is a power of two; it doubles when full, so steady state allocates nothing. A mutable struct, kept
/// in a (non-readonly) field of the operator so its state is one indirection away; never copy it.
/// </remarks>
[DebuggerDisplay("Count = {Count}")]
public struct EventRing<T>
    where T : struct
{
    private T[] _items;
    private int _head;
    private int _count;

    /// <param name="capacity">Entries to make room for up front (a <c>length</c> window's size).</param>
    public EventRing(int capacity = 16) => _items = new T[BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 2))];

    /// <summary>Entries held.</summary>
    public readonly int Count => _count;

    /// <summary>The item at <paramref name="index"/>, 0 being the oldest (a snapshot walks the ring with it).</summary>
    public readonly ref readonly T this[int index] => ref _items[(_head + index) & (_items.Length - 1)];

    /// <summary>Removes every item (a restore refills the ring).</summary>
    public void Clear()
    {
        Array.Clear(_items);
        _head = 0;
        _count = 0;
    }

    /// <summary>The oldest entry; the ring must not be empty.</summary>
    public readonly ref readonly T Oldest
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Debug.Assert(_count > 0);
            return ref _items[_head];
        }
    }

    /// <summary>Appends <paramref name="item"/> as the newest entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in T item)
    {
        var items = _items;
        if (_count == items.Length)
        {
            items = Grow();
        }

        items[(_head + _count) & (items.Length - 1)] = item;
        _count++;
    }

    /// <summary>Drops the oldest entry; the ring must not be empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void RemoveOldest()
    {
        Debug.Assert(_count > 0);
        var items = _items;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            items[_head] = default;
        }

        _head = (_head + 1) & (items.Length - 1);
        _count--;
    }

    private T[] Grow()
    {
        var grown = new T[_items.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = _items[(_head + i) & (_items.Length - 1)];
        }

        _items = grown;
        _head = 0;
        return grown;
    }
}
