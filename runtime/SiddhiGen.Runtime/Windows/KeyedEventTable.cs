using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// Keys in insertion order, each with its latest event and two counters, stored in parallel arrays so the
/// events can be handed out as a span. Backs the <c>frequent</c> and <c>lossyFrequent</c> windows.
/// </summary>
[DebuggerDisplay("Count = {Count}")]
internal sealed class KeyedEventTable<T, TKey>
    where TKey : notnull
{
    /// <summary>Key to slot.</summary>
    private readonly Dictionary<TKey, int> _index = [];

    /// <summary>Slot keys.</summary>
    private TKey[] _keys;

    /// <summary>Slot events: the latest event seen for the key.</summary>
    private StreamEvent<T>[] _events;

    /// <summary>Slot counts.</summary>
    private int[] _counts;

    /// <summary>Second per-slot counter (the lossy-counting bucket).</summary>
    private int[] _buckets;

    public KeyedEventTable(int capacity)
    {
        capacity = Math.Max(capacity, 4);
        _keys = new TKey[capacity];
        _events = new StreamEvent<T>[capacity];
        _counts = new int[capacity];
        _buckets = new int[capacity];
    }

    /// <summary>Number of keys held.</summary>
    public int Count { get; private set; }

    /// <summary>The events, one per key, in key insertion order.</summary>
    public ReadOnlySpan<StreamEvent<T>> Events => new(_events, 0, Count);

    public ref StreamEvent<T> EventAt(int slot) => ref _events[slot];

    public ref int CountAt(int slot) => ref _counts[slot];

    public ref int BucketAt(int slot) => ref _buckets[slot];

    /// <summary>The slot of <paramref name="key"/>, or -1.</summary>
    public int Find(TKey key) => _index.TryGetValue(key, out var slot) ? slot : -1;

    /// <summary>Appends a new key and returns its slot.</summary>
    public int Add(TKey key, in StreamEvent<T> e, int count, int bucket)
    {
        if (Count == _keys.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _keys, size);
            Array.Resize(ref _events, size);
            Array.Resize(ref _counts, size);
            Array.Resize(ref _buckets, size);
        }

        var slot = Count++;
        _keys[slot] = key;
        _events[slot] = e;
        _counts[slot] = count;
        _buckets[slot] = bucket;
        _index.Add(key, slot);
        return slot;
    }

    /// <summary>Marks a slot for <see cref="Compact"/> by clearing its count to a negative value.</summary>
    public void MarkRemoved(int slot) => _counts[slot] = -1;

    /// <summary>Drops marked slots, keeping the order of the others.</summary>
    public void Compact()
    {
        var write = 0;
        for (var read = 0; read < Count; read++)
        {
            if (_counts[read] < 0)
            {
                _index.Remove(_keys[read]);
                continue;
            }

            if (write != read)
            {
                _keys[write] = _keys[read];
                _events[write] = _events[read];
                _counts[write] = _counts[read];
                _buckets[write] = _buckets[read];
                _index[_keys[write]] = write;
            }

            write++;
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<TKey>())
        {
            Array.Clear(_keys, write, Count - write);
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_events, write, Count - write);
        }

        Count = write;
    }

    /// <summary>Each live slot's event, count and bucket, in slot order (the keys are read from the events again).</summary>
    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        Compact();
        writer.WriteCount(Count);
        for (var slot = 0; slot < Count; slot++)
        {
            writer.WriteEvent(in _events[slot], codec);
            writer.WriteInt32(_counts[slot]);
            writer.WriteInt32(_buckets[slot]);
        }
    }

    public void ReadState<TKeyOf>(StateReader reader, IStateCodec<T> codec)
        where TKeyOf : IAttributeAccessor<T, TKey>
    {
        _index.Clear();
        Array.Clear(_keys);
        Array.Clear(_events);
        Count = 0;
        for (int i = 0, count = reader.ReadCount(); i < count; i++)
        {
            var e = reader.ReadEvent(codec);
            var hits = reader.ReadInt32();
            var bucket = reader.ReadInt32();
            Add(TKeyOf.Get(in e.Data), in e, hits, bucket);
        }
    }
}
