using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// A map that iterates in first-insertion order, like Java's <c>LinkedHashMap</c>: putting an existing key keeps
/// its place. Entries live in arrays that are reused after <see cref="Clear"/>, so steady state allocates nothing.
/// </summary>
[DebuggerDisplay("Count = {Count}")]
internal sealed class InsertionOrderedMap<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _index = [];
    private TKey[] _keys = new TKey[4];
    private TValue[] _values = new TValue[4];
    private bool[] _removed = new bool[4];
    private int _count;
    private int _removedCount;

    public int Count => _count;

    public TKey KeyAt(int index) => _keys[index];

    public ref TValue ValueAt(int index) => ref _values[index];

    /// <summary>The slot of <paramref name="key"/>, added at the end (with a default value) when missing.</summary>
    public ref TValue GetOrAdd(TKey key, out bool added)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, key, out var exists);
        added = !exists;
        if (!exists)
        {
            if (_count == _keys.Length)
            {
                Grow();
            }

            slot = _count;
            _keys[_count] = key;
            _values[_count] = default!;
            _removed[_count] = false;
            _count++;
        }

        return ref _values[slot];
    }

    /// <summary>Marks an entry for removal; <see cref="Sweep"/> drops the marked entries, keeping the order of the rest.</summary>
    public void MarkRemoved(int index)
    {
        if (!_removed[index])
        {
            _removed[index] = true;
            _removedCount++;
        }
    }

    public void Sweep()
    {
        if (_removedCount == 0)
        {
            return;
        }

        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_removed[i])
            {
                _index.Remove(_keys[i]);
                continue;
            }

            if (kept != i)
            {
                _keys[kept] = _keys[i];
                _values[kept] = _values[i];
                CollectionsMarshal.GetValueRefOrNullRef(_index, _keys[kept]) = kept;
            }

            kept++;
        }

        ClearTail(kept);
        _count = kept;
        _removedCount = 0;
    }

    public void Clear()
    {
        _index.Clear();
        ClearTail(0);
        _count = 0;
        _removedCount = 0;
    }

    private void ClearTail(int from)
    {
        Array.Clear(_removed, from, _count - from);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<TKey>())
        {
            Array.Clear(_keys, from, _count - from);
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<TValue>())
        {
            Array.Clear(_values, from, _count - from);
        }
    }

    private void Grow()
    {
        var size = _keys.Length * 2;
        Array.Resize(ref _keys, size);
        Array.Resize(ref _values, size);
        Array.Resize(ref _removed, size);
    }
}
