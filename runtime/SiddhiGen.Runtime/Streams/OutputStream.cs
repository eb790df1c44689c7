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
    private ReceiverList _receivers = ReceiverList.Empty;

    /// <summary>The buffer and worker of an <c>@Async</c> stream; null for a synchronous one.</summary>
    private protected AsyncDelivery<T>? _async;
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
    public bool HasReceivers => _receivers.All.Length != 0;

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
            _receivers = new ReceiverList([.. _receivers.All, receiver]);
        }

        return new Subscription(this, receiver);
    }

    /// <summary>Delivers one chunk to every receiver. Callers turn expired events into current ones first.</summary>
    public void Publish(ReadOnlySpan<StreamEvent<T>> chunk)
    {
        if (_async is { } async)
        {
            chunk = chunk.Slice(async.Enqueue(chunk));
        }

        DeliverChunk(chunk);
    }

    /// <summary>Delivers one chunk now, on this thread (an <c>@Async</c> stream's worker delivers its chunks here).</summary>
    private protected void DeliverChunk(ReadOnlySpan<StreamEvent<T>> chunk)
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
        foreach (var receiver in _receivers.All)
        {
            receiver.Receive(chunk);
        }

        EndDelivery();
    }

    /// <summary>
    /// Delivers one event, a chunk of its own: the per-event path, small enough to be inlined into its caller.
    /// Receivers that take single events get it by reference; otherwise it is copied into a chunk of one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long timestamp, in T data)
    {
        if (_async is not null && EnqueueOne(timestamp, in data))
        {
            return;
        }

        if (_delivery != 0)
        {
            Postpone(timestamp, in data);
            return;
        }

        _delivery = App.StartDelivery();
        var receivers = _receivers;
        if (receivers.OneByOne is { } oneByOne)
        {
            foreach (var receiver in oneByOne)
            {
                receiver.Receive(timestamp, in data);
            }
        }
        else
        {
            // Field by field: the constructor would copy the payload twice (its parameter, then the field).
            StreamEvent<T> e;
            e.Timestamp = timestamp;
            e.Data = data;
            e.Kind = EventKind.Current;
            var chunk = new ReadOnlySpan<StreamEvent<T>>(in e);
            foreach (var receiver in receivers.All)
            {
                receiver.Receive(chunk);
            }
        }

        EndDelivery();
    }

    /// <summary>
    /// Delivers one event the caller has built as a stream event (a query's row): the event is read where it was
    /// built, never copied on the way (a fresh struct copied whole can stall the processor on its own stores).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(in StreamEvent<T> e)
    {
        if (_async is not null && EnqueueOne(in e))
        {
            return;
        }

        if (_delivery != 0)
        {
            Postpone(e.Timestamp, in e.Data);
            return;
        }

        _delivery = App.StartDelivery();
        var receivers = _receivers;
        if (receivers.OneByOne is { } oneByOne)
        {
            foreach (var receiver in oneByOne)
            {
                receiver.Receive(e.Timestamp, in e.Data);
            }
        }
        else
        {
            var chunk = new ReadOnlySpan<StreamEvent<T>>(in e);
            foreach (var receiver in receivers.All)
            {
                receiver.Receive(chunk);
            }
        }

        EndDelivery();
    }

    /// <summary>
    /// A query's output came back into this stream while it is still delivering (a loop of streams): it is
    /// delivered once the current chunk is done, so no operator is re-entered mid-chunk.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Postpone(ReadOnlySpan<StreamEvent<T>> chunk) => (_pending ??= new Queue<StreamEvent<T>[]>()).Enqueue(chunk.ToArray());

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Postpone(long timestamp, in T data) => (_pending ??= new Queue<StreamEvent<T>[]>()).Enqueue([new StreamEvent<T>(timestamp, data)]);

    /// <summary>Hands one event to the <c>@Async</c> worker; false once the stream is stopped.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private protected bool EnqueueOne(in StreamEvent<T> e) => _async!.Enqueue(new ReadOnlySpan<StreamEvent<T>>(in e)) == 1;

    /// <summary>The same for an event given as its parts; the event is built here, off the hot path's stack frame.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private protected bool EnqueueOne(long timestamp, in T data)
    {
        var e = new StreamEvent<T>(timestamp, data);
        return EnqueueOne(in e);
    }

    /// <summary>Delivers what came back through a loop meanwhile, then marks the stream idle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EndDelivery()
    {
        if (_pending is { Count: > 0 })
        {
            DeliverPending();
        }

        _delivery = 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void DeliverPending()
    {
        while (_pending is { Count: > 0 } pending)
        {
            var chunk = pending.Dequeue();
            foreach (var receiver in _receivers.All)
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
            var all = _receivers.All;
            var index = Array.IndexOf(all, receiver);
            if (index >= 0)
            {
                _receivers = new ReceiverList([.. all.AsSpan(0, index), .. all.AsSpan(index + 1)]);
            }
        }
    }

    /// <summary>A stream's receivers in subscription order, and the same list typed for single events when every one takes them.</summary>
    private sealed class ReceiverList
    {
        public static readonly ReceiverList Empty = new([]);

        public ReceiverList(IStreamReceiver<T>[] all)
        {
            All = all;
            if (all.Length != 0 && Array.TrueForAll(all, r => r is IEventReceiver<T>))
            {
                OneByOne = Array.ConvertAll(all, r => (IEventReceiver<T>)r);
            }
        }

        public IStreamReceiver<T>[] All { get; }

        /// <summary>The receivers, when every one takes single events by reference; null otherwise.</summary>
        public IEventReceiver<T>[]? OneByOne { get; }
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
