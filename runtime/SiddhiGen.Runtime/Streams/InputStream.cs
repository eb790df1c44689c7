using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// A stream users send events into (Siddhi's InputHandler). Sending runs every downstream query,
/// stream callback and sink on the caller's thread before it returns.
/// </summary>
/// <summary>Receives the events of a stream whose processing threw, and the error.</summary>
public delegate void FaultRoute<T>(ReadOnlySpan<StreamEvent<T>> events, Exception error);

public sealed class InputStream<T> : OutputStream<T>
{
    internal InputStream(SiddhiApp app, StreamSchema schema)
        : base(app, schema)
    {
    }

    /// <summary>Sends one event stamped with the app clock's current time.</summary>
    public void Send(in T data) => Send(App.Clock.Now, in data);

    /// <summary>
    /// Sends one event with an explicit timestamp. In playback mode the timestamp moves the app clock,
    /// firing due timers first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Send(long timestamp, in T data)
    {
        App.EnsureRunning(Name);
        SendOne(timestamp, in data);
    }

    /// <summary>Sends the events as one chunk (Siddhi's <c>send(Event[])</c>), all stamped with the clock's current time.</summary>
    public void Send(ReadOnlySpan<T> events) => Send(App.Clock.Now, events);

    /// <summary>Sends the events as one chunk, all stamped with <paramref name="timestamp"/>.</summary>
    public void Send(long timestamp, ReadOnlySpan<T> events)
    {
        if (events.IsEmpty)
        {
            return;
        }

        // The buffer is taken from the thread while in use, so a callback that sends again gets its own.
        var buffer = t_sendBuffer is { } cached && cached.Length >= events.Length ? cached : new StreamEvent<T>[Math.Max(events.Length, 16)];
        t_sendBuffer = null;
        for (var i = 0; i < events.Length; i++)
        {
            buffer[i] = new StreamEvent<T>(timestamp, events[i]);
        }

        try
        {
            SendChunk(new ReadOnlySpan<StreamEvent<T>>(buffer, 0, events.Length));
        }
        finally
        {
            Array.Clear(buffer, 0, events.Length);
            t_sendBuffer = buffer;
        }
    }

    /// <summary>Sends a chunk of already stamped events; the clock moves to the last timestamp.</summary>
    public void Send(ReadOnlySpan<StreamEvent<T>> chunk)
    {
        if (!chunk.IsEmpty)
        {
            SendChunk(chunk);
        }
    }

    /// <summary>
    /// The per-event path: the event goes to the receivers by reference (generated operators take it without a
    /// chunk around it). Only this method holds exception handling, so everything it calls can be inlined into it.
    /// </summary>
    private void SendOne(long timestamp, in T data)
    {
        if (_async is not null && EnqueueOne(timestamp, in data))
        {
            return;
        }

        var app = App;
        using (app.ProcessingLock.Enter())
        {
            var mark = app.DeliveryMark;
            try
            {
                app.OnEventTime(timestamp);
                Publish(timestamp, in data);
            }
            catch (Exception ex)
            {
                app.AbandonDeliveries(mark);
                RouteError(timestamp, in data, ex);
            }
        }
    }

    private void SendChunk(ReadOnlySpan<StreamEvent<T>> chunk)
    {
        App.EnsureRunning(Name);
        if (_async is { } async)
        {
            chunk = chunk.Slice(async.Enqueue(chunk));
            if (chunk.IsEmpty)
            {
                return;
            }
        }

        DeliverNow(chunk);
    }

    /// <summary>
    /// Delivers a chunk on this thread under the app's processing lock, the clock moved to its last event, errors
    /// logged or routed: a send's work, and an <c>@Async</c> worker's.
    /// </summary>
    internal void DeliverNow(ReadOnlySpan<StreamEvent<T>> chunk)
    {
        var app = App;
        using (app.ProcessingLock.Enter())
        {
            var mark = app.DeliveryMark;
            try
            {
                app.OnEventTime(chunk[^1].Timestamp);
                DeliverChunk(chunk);
            }
            catch (Exception ex)
            {
                app.AbandonDeliveries(mark);
                RouteError(chunk, ex);
            }
        }
    }

    /// <summary>
    /// Makes this stream asynchronous, as <c>@Async(buffer.size, workers, batch.size.max)</c> does: sends buffer
    /// their events and return, and a worker thread delivers them in arrival order, up to
    /// <paramref name="batchSizeMax"/> events per chunk. Generated apps call it before the app starts;
    /// <see cref="SiddhiApp.Drain"/> waits until what was sent is delivered.
    /// </summary>
    public void UseAsyncDelivery(int bufferSize, int batchSizeMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSizeMax);
        if (App.IsRunning || _async is not null)
        {
            throw new InvalidOperationException($"Stream '{Name}' can only be made asynchronous once, before the app starts.");
        }

        _async = new AsyncDelivery<T>(this, bufferSize, batchSizeMax);
        App.AddAsyncDelivery(_async);
    }

    /// <summary>Hands a source's events to the <c>@Async</c> worker, if the stream has one; returns how many it took.</summary>
    internal int EnqueueIfAsync(ReadOnlySpan<StreamEvent<T>> chunk) => _async is { } async ? async.Enqueue(chunk) : 0;

    /// <summary>
    /// Where events go whose processing threw: with <c>@OnError(action='STREAM')</c> the generated app routes
    /// them to the fault stream <c>!S</c>; otherwise, as in Siddhi, the error is logged and the events dropped.
    /// </summary>
    public FaultRoute<T>? OnError { get; set; }

    /// <summary>The error of one event sent on its own; the event is built here, off the send's stack frame.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RouteError(long timestamp, in T data, Exception error)
    {
        var failed = new StreamEvent<T>(timestamp, data);
        RouteError(new ReadOnlySpan<StreamEvent<T>>(in failed), error);
    }

    private void RouteError(ReadOnlySpan<StreamEvent<T>> chunk, Exception error)
    {
        if (OnError is not { } route)
        {
            App.OnProcessingError(error);
            return;
        }

        try
        {
            route(chunk, error);
        }
        catch (Exception faultError)
        {
            // The fault stream itself failed: nothing left to route to but the log.
            App.OnProcessingError(faultError);
        }
    }

    [ThreadStatic]
    private static StreamEvent<T>[]? t_sendBuffer;
}
