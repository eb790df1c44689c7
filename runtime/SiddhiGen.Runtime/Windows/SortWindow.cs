using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.sort(n, attr [, 'asc'|'desc'] ...)</c>: keeps the <c>n</c> smallest events under the comparer.
/// Each arrival is emitted CURRENT; when the window then holds more than <c>n</c>, it is sorted and its last
/// (largest) event is removed and emitted EXPIRED right after the CURRENT event. That may be the arrival itself.
/// </summary>
/// <typeparam name="T">The event payload.</typeparam>
/// <typeparam name="TComparer">The generated comparer of the sort attributes and directions.</typeparam>
/// <remarks>
/// Like Siddhi's <c>Collections.sort</c> the sort is stable and only runs on overflow, so until the window first
/// overflows <see cref="Contents"/> is in arrival order, and among equal keys the newest is removed first.
/// Siddhi: <c>SortWindowProcessor</c>.
/// </remarks>
[DebuggerDisplay("sort({_length}), Count = {_count}")]
public sealed class SortWindow<T, TComparer> : IWindow<T>, IStatePart<T>
    where TComparer : struct, IComparer<T>
{
    /// <summary>Where "now" comes from for re-stamping.</summary>
    private readonly AppClock _clock;

    /// <summary>Events to keep.</summary>
    private readonly int _length;

    /// <summary>Held events (sorted once <see cref="_sorted"/>), then room for one more.</summary>
    private readonly StreamEvent<T>[] _items;

    /// <summary>Number of held events.</summary>
    private int _count;

    /// <summary>True once the window overflowed and was sorted; it stays sorted afterwards.</summary>
    private bool _sorted;

    /// <param name="clock">The app clock (expired events are stamped with its time).</param>
    /// <param name="length">Events to keep.</param>
    public SortWindow(AppClock clock, int length)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _clock = clock;
        _length = length;
        _items = new StreamEvent<T>[length + 1];
    }

    /// <inheritdoc />
    public ReadOnlySpan<StreamEvent<T>> Contents => new(_items, 0, _count);

    /// <inheritdoc />
    public void Process(ReadOnlySpan<StreamEvent<T>> chunk, WindowOutput<T> output)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        var now = _clock.Now;
        foreach (ref readonly var e in chunk)
        {
            output.Add(e.Timestamp, in e.Data, EventKind.Current);
            _items[_count++] = new StreamEvent<T>(e.Timestamp, e.Data, EventKind.Expired);
            if (_count <= _length)
            {
                continue;
            }

            if (_sorted)
            {
                InsertLast();
            }
            else
            {
                InsertionSort();
                _sorted = true;
            }

            ref var largest = ref _items[--_count];
            output.Add(now, in largest.Data, EventKind.Expired);
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            {
                largest = default;
            }
        }

        output.CloseChunk();
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        // Count-based: no timers.
    }

    /// <summary>Stable full sort, used once (the held events are still in arrival order).</summary>
    private void InsertionSort()
    {
        for (var i = 1; i < _count; i++)
        {
            InsertAt(i);
        }
    }

    /// <summary>The first <c>_count - 1</c> events are sorted: move the last one into place.</summary>
    private void InsertLast() => InsertAt(_count - 1);

    /// <summary>Moves <c>_items[i]</c> left past every strictly greater event (stable: after equal ones).</summary>
    private void InsertAt(int i)
    {
        var comparer = default(TComparer);
        var item = _items[i];
        var lo = 0;
        var hi = i;
        while (lo < hi)
        {
            // Upper bound: the first position whose event is greater than the item.
            var mid = (lo + hi) >>> 1;
            if (comparer.Compare(_items[mid].Data, item.Data) <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (lo < i)
        {
            Array.Copy(_items, lo, _items, lo + 1, i - lo);
            _items[lo] = item;
        }
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        writer.WriteEvents(new ReadOnlySpan<StreamEvent<T>>(_items, 0, _count), codec);
        writer.WriteBoolean(_sorted);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        Array.Clear(_items);
        var count = reader.ReadCount();
        if (count > _items.Length)
        {
            throw new SnapshotException($"The snapshot's sort window holds {count} events, more than its length {_items.Length}: it is of another app version.");
        }

        for (var i = 0; i < count; i++)
        {
            _items[i] = reader.ReadEvent(codec);
        }

        _count = count;
        _sorted = reader.ReadBoolean();
    }
}
