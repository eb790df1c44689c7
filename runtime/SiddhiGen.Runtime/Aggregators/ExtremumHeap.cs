using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// A multiset of numbers that answers its maximum (or minimum) under any removal order: a binary heap of the
/// distinct values, each with its multiplicity, plus a value → heap slot index so removing any value is O(log n).
/// Siddhi's own min/max use a monotonic deque that is only right when values leave in arrival order (it is wrong
/// behind <c>sort</c> or <c>frequent</c> windows); this is right for every window. Arrays and the index are reused,
/// so steady state allocates nothing.
/// </summary>
[DebuggerDisplay("Distinct = {_size}")]
internal sealed class ExtremumHeap<TNum>
    where TNum : struct, INumber<TNum>
{
    /// <summary>True for a max-heap, false for a min-heap.</summary>
    private readonly bool _max;

    /// <summary>Value → heap slot.</summary>
    private readonly Dictionary<TNum, int> _slots = [];

    /// <summary>Heap of distinct values.</summary>
    private TNum[] _values = new TNum[8];

    /// <summary>Multiplicity of each heap slot's value.</summary>
    private int[] _counts = new int[8];

    /// <summary>Number of distinct values.</summary>
    private int _size;

    public ExtremumHeap(bool max) => _max = max;

    /// <summary>The extreme value, or null when empty.</summary>
    public TNum? Top => _size == 0 ? null : _values[0];

    public void Add(TNum value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, value, out var exists);
        if (exists)
        {
            _counts[slot]++;
            return;
        }

        if (_size == _values.Length)
        {
            Array.Resize(ref _values, _size * 2);
            Array.Resize(ref _counts, _size * 2);
        }

        var at = _size++;
        _values[at] = value;
        _counts[at] = 1;
        slot = at;
        SiftUp(at);
    }

    public void Remove(TNum value)
    {
        ref var slotRef = ref CollectionsMarshal.GetValueRefOrNullRef(_slots, value);
        if (Unsafe.IsNullRef(ref slotRef))
        {
            return;
        }

        var slot = slotRef;
        if (--_counts[slot] > 0)
        {
            return;
        }

        _slots.Remove(value);
        var last = --_size;
        if (slot != last)
        {
            Move(last, slot);
            if (!SiftUp(slot))
            {
                SiftDown(slot);
            }
        }
    }

    public void Clear()
    {
        _slots.Clear();
        _size = 0;
    }

    /// <summary>True when <paramref name="a"/> belongs above <paramref name="b"/>; a total order (NaN lowest).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Above(TNum a, TNum b) => _max ? a.CompareTo(b) > 0 : a.CompareTo(b) < 0;

    /// <summary>Moves slot <paramref name="from"/>'s entry to slot <paramref name="to"/> and updates the index.</summary>
    private void Move(int from, int to)
    {
        _values[to] = _values[from];
        _counts[to] = _counts[from];
        CollectionsMarshal.GetValueRefOrNullRef(_slots, _values[to]) = to;
    }

    /// <summary>Restores the heap upwards from <paramref name="at"/>; true when the entry moved.</summary>
    private bool SiftUp(int at)
    {
        var value = _values[at];
        var count = _counts[at];
        var start = at;
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (!Above(value, _values[parent]))
            {
                break;
            }

            Move(parent, at);
            at = parent;
        }

        if (at == start)
        {
            return false;
        }

        _values[at] = value;
        _counts[at] = count;
        CollectionsMarshal.GetValueRefOrNullRef(_slots, value) = at;
        return true;
    }

    private void SiftDown(int at)
    {
        var value = _values[at];
        var count = _counts[at];
        var start = at;
        while (true)
        {
            var child = (at << 1) + 1;
            if (child >= _size)
            {
                break;
            }

            if (child + 1 < _size && Above(_values[child + 1], _values[child]))
            {
                child++;
            }

            if (!Above(_values[child], value))
            {
                break;
            }

            Move(child, at);
            at = child;
        }

        if (at != start)
        {
            _values[at] = value;
            _counts[at] = count;
            CollectionsMarshal.GetValueRefOrNullRef(_slots, value) = at;
        }
    }

    /// <summary>The distinct values with their counts, in heap order.</summary>
    public void WriteState(StateWriter writer)
    {
        writer.WriteCount(_size);
        for (var i = 0; i < _size; i++)
        {
            writer.WriteValue(_values[i]);
            writer.WriteInt32(_counts[i]);
        }
    }

    public void ReadState(StateReader reader)
    {
        Clear();
        var size = reader.ReadCount();
        for (var i = 0; i < size; i++)
        {
            var value = reader.ReadValue<TNum>();
            var count = reader.ReadInt32();
            Add(value);
            _counts[_slots[value]] = count;
        }
    }
}
