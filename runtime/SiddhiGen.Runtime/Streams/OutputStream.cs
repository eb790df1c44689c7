using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SiddhiGen.Runtime;

/// <summary>
/// A stream of the app that users observe: every event delivered to it reaches the typed subscribers,
/// the downstream queries and the sinks, in the order they subscribed.
/// </summary>
public class OutputStream<T> : IObservable<T>, IStreamReceiver<T>, IStreamDelivery
{
    /// <summary>Copy-on-write, so delivering a chunk never locks or allocates.</summary>
    private IStreamReceiver<T>[] _receivers = [];
    private readonly object _subscribeLock = new();

    /// <summary>
    /// The app's number for the delivery in progress, 0 while none is. Deliveries run under the app's processing
    /// lock; a delivery an exception cuts short is ended by <see cref="SiddhiApp.AbandonDeliveries"/>, so the hot
    /// path needs no <c>finally</c> (which would keep it from being inlined).
    /// </summary>
    private long _delivery;

    /// <summary>Chunks that arrived through a loop while delivering, delivered next in arrival order.</summary>
    private Queue<StreamEvent<T>[]>? _pending;

    internal OutputStream(SiddhiApp app, StreamSchema schema)
    {
        App = app;
        Schema = schema;
    }

    /// <summary>The app this stream belongs to.</summary>
    public SiddhiApp App { get; }

    /// <summary>The stream's name and attributes.</summary>
    public StreamSchema Schema { get; }

    public string Name => Schema.Name;

    /// <summary>True when anything listens; operators skip building output nobody reads.</summary>
    public bool HasReceivers => _receivers.Length != 0;

    /// <summary>Calls <paramref name="onEvent"/> for every event delivered to this stream.</summary>
    public IDisposable Subscribe(Action<T> onEvent) => AddReceiver(new ActionReceiver(onEvent));

    /// <summary>Calls <paramref name="onEvent"/> with each event's timestamp and payload.</summary>
    public IDisposable Subscribe(Action<long, T> onEvent) => AddReceiver(new TimestampedActionReceiver(onEvent));

    /// <summary>Calls <paramref name="onChunk"/> once per chunk, as Siddhi's StreamCallback does.</summary>
    public IDisposable SubscribeChunks(IStreamReceiver<T> onChunk) => AddReceiver(onChunk);

    /// <inheritdoc />
    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return AddReceiver(new ActionReceiver(observer.OnNext));
    }

    /// <summary>Reads the stream as an async sequence; events are buffered until read.</summary>
    public async IAsyncEnumerable<T> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = Subscribe(e => channel.Writer.TryWrite(e));
        while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (channel.Reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    /// <summary>Adds a receiver for every chunk delivered to this stream; disposing the result removes it.</summary>
    public IDisposable AddReceiver(IStreamReceiver<T> receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        lock (_subscribeLock)
        {
            _receivers = [.. _receivers, receiver];
        }

        return new Subscription(this, receiver);
    }

    /// <summary>Delivers one chunk to every receiver. Callers turn expired events into current ones first.</summary>
    public void Publish(ReadOnlySpan<StreamEvent<T>> chunk)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        if (_delivery != 0)
        {
            Postpone(chunk);
            return;
        }

        _delivery = App.StartDelivery();
        foreach (var receiver in _receivers)
        {
            receiver.Receive(chunk);
        }

        if (_pending is { Count: > 0 })
        {
            DeliverPending();
        }

        _delivery = 0;
    }

    /// <summary>
    /// Delivers one event, a chunk of its own: the per-event path, small enough to be inlined into its caller.
    /// The event is read where the caller built it, so it is never copied on the way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(in StreamEvent<T> e)
    {
        if (_delivery != 0)
        {
            Postpone(in e);
            return;
        }

        _delivery = App.StartDelivery();
        var chunk = new ReadOnlySpan<StreamEvent<T>>(in e);
        foreach (var receiver in _receivers)
        {
            receiver.Receive(chunk);
        }

        if (_pending is { Count: > 0 })
        {
            DeliverPending();
        }

        _delivery = 0;
    }

    /// <summary>
    /// A query's output came back into this stream while it is still delivering (a loop of streams): it is
    /// delivered once the current chunk is done, so no operator is re-entered mid-chunk.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Postpone(ReadOnlySpan<StreamEvent<T>> chunk) => (_pending ??= new Queue<StreamEvent<T>[]>()).Enqueue(chunk.ToArray());

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Postpone(in StreamEvent<T> e) => (_pending ??= new Queue<StreamEvent<T>[]>()).Enqueue([e]);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void DeliverPending()
    {
        while (_pending is { Count: > 0 } pending)
        {
            var chunk = pending.Dequeue();
            foreach (var receiver in _receivers)
            {
                receiver.Receive(chunk);
            }
        }
    }

    /// <inheritdoc />
    void IStreamDelivery.AbandonDeliveriesSince(long mark)
    {
        if (_delivery > mark)
        {
            // What the failed chunk led to is dropped with it; the entry point reports the error.
            _delivery = 0;
            _pending?.Clear();
        }
    }

    /// <summary>A query inserting into this stream delivers its chunk here.</summary>
    void IStreamReceiver<T>.Receive(ReadOnlySpan<StreamEvent<T>> chunk) => Publish(chunk);

    private void RemoveReceiver(IStreamReceiver<T> receiver)
    {
        lock (_subscribeLock)
        {
            var index = Array.IndexOf(_receivers, receiver);
            if (index >= 0)
            {
                _receivers = [.. _receivers.AsSpan(0, index), .. _receivers.AsSpan(index + 1)];
            }
        }
    }

    private sealed class Subscription(OutputStream<T> stream, IStreamReceiver<T> receiver) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                stream.RemoveReceiver(receiver);
            }
        }
    }

    private sealed class ActionReceiver(Action<T> onEvent) : IStreamReceiver<T>
    {
        public void Receive(ReadOnlySpan<StreamEvent<T>> chunk)
        {
            foreach (ref readonly var e in chunk)
            {
                onEvent(e.Data);
            }
        }
    }

    private sealed class TimestampedActionReceiver(Action<long, T> onEvent) : IStreamReceiver<T>
    {
        public void Receive(ReadOnlySpan<StreamEvent<T>> chunk)
        {
            foreach (ref readonly var e in chunk)
            {
                onEvent(e.Timestamp, e.Data);
            }
        }
    }
}
