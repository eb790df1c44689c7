using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// A FIFO of events kept in one contiguous array, so a window can hand its contents out as a span.
/// Removing from the front only moves the head; the live range is shifted back to the start of the array
/// when at least half of it is free, so enqueue and dequeue stay amortised O(1) and steady state allocates nothing.
/// </summary>
[DebuggerDisplay("Count = {Count}")]
public sealed class EventQueue<T>
{
    /// <summary>The storage; live events are <c>[_head, _head + _count)</c>.</summary>
    private StreamEvent<T>[] _items;

    /// <summary>Index of the oldest event.</summary>
    private int _head;

    /// <summary>Number of live events.</summary>
    private int _count;

    public EventQueue(int capacity = 8) => _items = new StreamEvent<T>[Math.Max(capacity, 2)];

    /// <summary>Number of events held.</summary>
    public int Count => _count;

    /// <summary>True when no event is held.</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>The events, oldest first.</summary>
    public ReadOnlySpan<StreamEvent<T>> Span => new(_items, _head, _count);

    /// <summary>The event at <paramref name="index"/> (0 is the oldest).</summary>
    public ref StreamEvent<T> this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Debug.Assert((uint)index < (uint)_count);
            return ref _items[_head + index];
        }
    }

    /// <summary>The oldest event; the queue must not be empty.</summary>
    public ref StreamEvent<T> First
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Debug.Assert(_count > 0);
            return ref _items[_head];
        }
    }

    /// <summary>The newest event; the queue must not be empty.</summary>
    public ref StreamEvent<T> Last
    {
        get
        {
            Debug.Assert(_count > 0);
            return ref _items[_head + _count - 1];
        }
    }

    /// <summary>Appends an event with the given timestamp, payload and kind.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enqueue(long timestamp, in T data, EventKind kind)
    {
        if (_head + _count == _items.Length)
        {
            MakeRoom();
        }

        ref var slot = ref _items[_head + _count++];
        slot.Timestamp = timestamp;
        slot.Data = data;
        slot.Kind = kind;
    }

    /// <summary>Appends a copy of <paramref name="e"/>.</summary>
    public void Enqueue(in StreamEvent<T> e) => Enqueue(e.Timestamp, in e.Data, e.Kind);

    /// <summary>Appends copies of <paramref name="events"/> with their kind replaced by <paramref name="kind"/>.</summary>
    public void EnqueueRange(ReadOnlySpan<StreamEvent<T>> events, EventKind kind)
    {
        foreach (ref readonly var e in events)
        {
            Enqueue(e.Timestamp, in e.Data, kind);
        }
    }

    /// <summary>Drops the oldest event; the queue must not be empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dequeue()
    {
        Debug.Assert(_count > 0);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            _items[_head] = default;
        }

        _count--;
        _head = _count == 0 ? 0 : _head + 1;
    }

    /// <summary>Removes the event at <paramref name="index"/>, keeping the order of the others.</summary>
    public void RemoveAt(int index)
    {
        Debug.Assert((uint)index < (uint)_count);
        if (index == 0)
        {
            Dequeue();
            return;
        }

        var at = _head + index;
        Array.Copy(_items, at + 1, _items, at, _count - index - 1);
        _count--;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            _items[_head + _count] = default;
        }
    }

    /// <summary>Removes the newest event; the queue must not be empty.</summary>
    public void RemoveLast() => RemoveAt(_count - 1);

    /// <summary>Inserts <paramref name="e"/> at <paramref name="index"/> (0 puts it first).</summary>
    public void Insert(int index, in StreamEvent<T> e)
    {
        Debug.Assert((uint)index <= (uint)_count);
        if (index == 0 && _head > 0)
        {
            // Room in front: no shifting needed.
            _items[--_head] = e;
            _count++;
            return;
        }

        if (_head + _count == _items.Length)
        {
            MakeRoom();
        }

        var at = _head + index;
        Array.Copy(_items, at, _items, at + 1, _count - index);
        _items[at] = e;
        _count++;
    }

    /// <summary>Removes every event.</summary>
    public void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_items, _head, _count);
        }

        _head = 0;
        _count = 0;
    }

    /// <summary>Makes space at the end: slide the live range to the front when half the array is free, else grow.</summary>
    private void MakeRoom()
    {
        if (_head >= _items.Length / 2)
        {
            Array.Copy(_items, _head, _items, 0, _count);
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            {
                Array.Clear(_items, _count, _head);
            }

            _head = 0;
            return;
        }

        var grown = new StreamEvent<T>[_items.Length * 2];
        Array.Copy(_items, _head, grown, 0, _count);
        _items = grown;
        _head = 0;
    }
}
