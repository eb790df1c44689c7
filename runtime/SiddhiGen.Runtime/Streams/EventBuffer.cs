using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// A reusable, growable array of events. Operators keep one per output and clear it after each chunk,
/// so steady-state processing allocates nothing.
/// </summary>
[DebuggerDisplay("Count = {Count}")]
public sealed class EventBuffer<T>
{
    private StreamEvent<T>[] _items;
    private int _count;

    public EventBuffer(int capacity = 4) => _items = new StreamEvent<T>[Math.Max(capacity, 1)];

    public int Count => _count;

    public ReadOnlySpan<StreamEvent<T>> Span => new(_items, 0, _count);

    public ref StreamEvent<T> this[int index]
    {
        get
        {
            Debug.Assert((uint)index < (uint)_count);
            return ref _items[index];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in StreamEvent<T> item)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        _items[_count++] = item;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long timestamp, in T data, EventKind kind)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        ref var slot = ref _items[_count++];
        slot.Timestamp = timestamp;
        slot.Data = data;
        slot.Kind = kind;
    }

    public void AddRange(ReadOnlySpan<StreamEvent<T>> items)
    {
        foreach (ref readonly var item in items)
        {
            Add(in item);
        }
    }

    /// <summary>Keeps the first <paramref name="count"/> events.</summary>
    public void Truncate(int count) => _count = Math.Min(count, _count);

    public void RemoveRange(int start, int count)
    {
        Array.Copy(_items, start + count, _items, start, _count - start - count);
        _count -= count;
    }

    public Span<StreamEvent<T>> AsSpan() => new(_items, 0, _count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            // Drop the references; a single event (the per-event path) needs no call.
            if (_count == 1)
            {
                _items[0] = default;
            }
            else if (_count > 1)
            {
                Array.Clear(_items, 0, _count);
            }
        }

        _count = 0;
    }

    /// <summary>
    /// Room for <paramref name="count"/> more events after the last one, for writing in place; <see cref="Commit"/>
    /// then keeps the first ones written. Lets a filter write every row and keep only those that pass, without a branch.
    /// </summary>
    public Span<StreamEvent<T>> Reserve(int count)
    {
        if (_items.Length - _count < count)
        {
            Array.Resize(ref _items, Math.Max(_items.Length * 2, _count + count));
        }

        return new Span<StreamEvent<T>>(_items, _count, count);
    }

    /// <summary>Keeps <paramref name="count"/> events written into the span of <see cref="Reserve"/>.</summary>
    public void Commit(int count)
    {
        Debug.Assert(_count + count <= _items.Length);
        _count += count;
    }

    private void Grow() => Array.Resize(ref _items, _items.Length * 2);
}
