using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>Receives each output chunk of a query: its timestamp (the last event's), current and expired rows.</summary>
public delegate void QueryCallback<T>(long timestamp, ReadOnlySpan<T> current, ReadOnlySpan<T> expired);

/// <summary>
/// Where a query's selected rows go: first the query callbacks (Siddhi's QueryCallback, current and
/// expired apart), then the insert target, where expired rows arrive as current events.
/// </summary>
public sealed class QueryOutput<T>
{
    private QueryCallback<T>[] _callbacks = [];
    private T[] _current = new T[4];
    private T[] _expired = new T[4];

    /// <summary>Whose callbacks this output calls: itself, or the query's output for a partition instance's output.</summary>
    private readonly QueryOutput<T> _owner;

    internal QueryOutput(string name, StreamSchema schema)
    {
        Name = name;
        Schema = schema;
        _owner = this;
    }

    private QueryOutput(QueryOutput<T> owner, IStreamReceiver<T>? target)
    {
        Name = owner.Name;
        Schema = owner.Schema;
        _owner = owner;
        Target = target;
    }

    /// <summary>
    /// The output of this query in one partition instance: the rows go to <paramref name="target"/> (the instance's
    /// inner stream), and this query's callbacks see them too, as they see every instance's rows.
    /// </summary>
    public QueryOutput<T> ForPartitionInstance(IStreamReceiver<T>? target) => new(this, target);

    /// <summary>The query name (<c>@info(name=...)</c>, or <c>query_n</c>).</summary>
    public string Name { get; }

    /// <summary>The selected attributes.</summary>
    public StreamSchema Schema { get; }

    /// <summary>Where rows are inserted: a stream (current events only), or null for <c>return</c>.</summary>
    public IStreamReceiver<T>? Target
    {
        get => _target;
        set
        {
            _target = value;
            _targetStream = value as OutputStream<T>;
        }
    }

    /// <summary>The target; when it is a stream, <see cref="_targetStream"/> too, so delivery needs no interface call.</summary>
    private IStreamReceiver<T>? _target;
    private OutputStream<T>? _targetStream;

    /// <summary>Calls <paramref name="callback"/> once per output chunk.</summary>
    public IDisposable Subscribe(QueryCallback<T> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (this)
        {
            _callbacks = [.. _callbacks, callback];
        }

        return new Unsubscriber(this, callback);
    }

    /// <summary>
    /// Delivers one output chunk. The buffer's events become current events on the way to the target. When a
    /// receiver throws, the buffer is emptied before the exception goes on, so the operator that filled it starts
    /// its next chunk empty (the failed rows are dropped with their event, never sent again).
    /// </summary>
    public void Emit(EventBuffer<T> chunk)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        try
        {
            Deliver(chunk);
        }
        catch
        {
            chunk.Clear();
            throw;
        }
    }

    private void Deliver(EventBuffer<T> chunk)
    {
        if (_owner._callbacks.Length != 0)
        {
            InvokeCallbacks(chunk.Span);
        }

        if (_target is { } target)
        {
            var events = chunk.AsSpan();
            foreach (ref var e in events)
            {
                e.Kind = EventKind.Current;
            }

            if (_targetStream is { } stream)
            {
                stream.Publish(events);
            }
            else
            {
                target.Receive(events);
            }
        }
    }

    /// <summary>
    /// Delivers one current row as a chunk of its own: the per-event path, with no buffer in between. The row is
    /// read where the operator built it (a fresh struct copied whole can stall the processor on its own stores).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EmitRow(in StreamEvent<T> row)
    {
        if (_owner._callbacks.Length != 0)
        {
            InvokeCallbacks(new ReadOnlySpan<StreamEvent<T>>(in row));
        }

        if (_targetStream is { } stream)
        {
            stream.Publish(in row);
        }
        else
        {
            _target?.Receive(new ReadOnlySpan<StreamEvent<T>>(in row));
        }
    }

    private void InvokeCallbacks(ReadOnlySpan<StreamEvent<T>> chunk)
    {
        int currentCount = 0, expiredCount = 0;
        if (_current.Length < chunk.Length)
        {
            _current = new T[chunk.Length];
            _expired = new T[chunk.Length];
        }

        foreach (ref readonly var e in chunk)
        {
            if (e.Kind == EventKind.Expired)
            {
                _expired[expiredCount++] = e.Data;
            }
            else if (e.Kind == EventKind.Current)
            {
                _current[currentCount++] = e.Data;
            }
        }

        var timestamp = chunk[^1].Timestamp;
        foreach (var callback in _owner._callbacks)
        {
            callback(timestamp, _current.AsSpan(0, currentCount), _expired.AsSpan(0, expiredCount));
        }
    }

    private sealed class Unsubscriber(QueryOutput<T> output, QueryCallback<T> callback) : IDisposable
    {
        public void Dispose()
        {
            lock (output)
            {
                var index = Array.IndexOf(output._callbacks, callback);
                if (index >= 0)
                {
                    output._callbacks = [.. output._callbacks.AsSpan(0, index), .. output._callbacks.AsSpan(index + 1)];
                }
            }
        }
    }
}
