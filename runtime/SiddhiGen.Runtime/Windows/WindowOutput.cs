using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// What a window emits for one input chunk: one or more output chunks (a length batch window may
/// complete several batches in one input chunk, each its own chunk for the selector). Operators keep
/// one instance and clear it after use, so emitting allocates nothing in steady state.
/// </summary>
[DebuggerDisplay("ChunkCount = {ChunkCount}, EventCount = {EventCount}")]
public sealed class WindowOutput<T>
{
    private readonly EventBuffer<T> _events = new(8);
    private int[] _chunkEnds = new int[4];
    private int _chunkCount;
    private int _openStart;

    /// <summary>Completed chunks, each ending with <see cref="CloseChunk"/>.</summary>
    public int ChunkCount => _chunkCount;

    /// <summary>True when events were added after the last <see cref="CloseChunk"/>.</summary>
    public bool HasOpenChunk => _events.Count > _openStart;

    /// <summary>Events added since the last <see cref="Clear"/>, in all chunks including the open one.</summary>
    public int EventCount => _events.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in StreamEvent<T> e) => _events.Add(in e);

    /// <summary>Adds every event of <paramref name="events"/> unchanged.</summary>
    public void AddRange(ReadOnlySpan<StreamEvent<T>> events) => _events.AddRange(events);

    /// <summary>Adds copies of <paramref name="events"/> with the given kind and timestamp (expired events are re-stamped).</summary>
    public void AddRange(ReadOnlySpan<StreamEvent<T>> events, EventKind kind, long timestamp)
    {
        foreach (ref readonly var e in events)
        {
            _events.Add(timestamp, in e.Data, kind);
        }
    }

    /// <summary>Adds copies of <paramref name="events"/> with the given kind, keeping their timestamps.</summary>
    public void AddRange(ReadOnlySpan<StreamEvent<T>> events, EventKind kind)
    {
        foreach (ref readonly var e in events)
        {
            _events.Add(e.Timestamp, in e.Data, kind);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long timestamp, in T data, EventKind kind) => _events.Add(timestamp, in data, kind);

    /// <summary>Ends the current chunk; an empty chunk is not recorded.</summary>
    public void CloseChunk()
    {
        if (_events.Count == _openStart)
        {
            return;
        }

        if (_chunkCount == _chunkEnds.Length)
        {
            Array.Resize(ref _chunkEnds, _chunkEnds.Length * 2);
        }

        _chunkEnds[_chunkCount++] = _events.Count;
        _openStart = _events.Count;
    }

    /// <summary>The events of chunk <paramref name="index"/>.</summary>
    public ReadOnlySpan<StreamEvent<T>> GetChunk(int index)
    {
        var start = index == 0 ? 0 : _chunkEnds[index - 1];
        return _events.Span[start.._chunkEnds[index]];
    }

    public void Clear()
    {
        _events.Clear();
        _chunkCount = 0;
        _openStart = 0;
    }
}
