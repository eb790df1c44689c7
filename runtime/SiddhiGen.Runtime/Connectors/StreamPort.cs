namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// How a connector reaches its stream: typed (generated code hands the <see cref="InputStream{T}"/>) or
/// by name through the dynamic interface (connectors attached at run time, <c>T</c> = <c>object?[]</c>).
/// </summary>
internal abstract class StreamPort<T>
{
    public abstract StreamSchema Schema { get; }

    public abstract Func<object?[], T> FromRow { get; }

    public abstract Func<T, object?[]> ToRow { get; }

    /// <summary>Sends the events as one chunk; processing errors are handled by the stream (logged).</summary>
    public abstract void Send(long timestamp, ReadOnlySpan<T> events);

    /// <summary>Sends the events as one chunk and returns the processing error instead of logging it (for @OnError STREAM).</summary>
    public abstract Exception? SendCatching(long timestamp, ReadOnlySpan<T> events);

    public abstract IDisposable Subscribe(IStreamReceiver<T> receiver);
}

internal sealed class TypedPort<T>(InputStream<T> stream, Func<object?[], T> fromRow, Func<T, object?[]> toRow) : StreamPort<T>
{
    public override StreamSchema Schema => stream.Schema;

    public override Func<object?[], T> FromRow => fromRow;

    public override Func<T, object?[]> ToRow => toRow;

    public override void Send(long timestamp, ReadOnlySpan<T> events) => stream.Send(timestamp, events);

    public override Exception? SendCatching(long timestamp, ReadOnlySpan<T> events)
    {
        // The same steps as InputStream's send (running check, app lock, event time), but the exception of
        // a failing receiver comes back here so the stream's @OnError(action='STREAM') can route it.
        var app = stream.App;
        app.EnsureRunning(stream.Name);
        var chunk = new StreamEvent<T>[events.Length];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = new StreamEvent<T>(timestamp, events[i]);
        }

        // An @Async stream's worker delivers (and logs or routes errors); only what it no longer takes is sent here.
        var taken = stream.EnqueueIfAsync(chunk);
        if (taken == chunk.Length)
        {
            return null;
        }

        using (app.ProcessingLock.Enter())
        {
            var mark = app.DeliveryMark;
            try
            {
                app.OnEventTime(timestamp);
                stream.Publish(chunk.AsSpan(taken));
                return null;
            }
            catch (Exception ex)
            {
                app.AbandonDeliveries(mark);
                return ex;
            }
        }
    }

    public override IDisposable Subscribe(IStreamReceiver<T> receiver) => stream.AddReceiver(receiver);
}

internal sealed class DynamicPort(SiddhiApp app, StreamSchema schema) : StreamPort<object?[]>
{
    public override StreamSchema Schema => schema;

    public override Func<object?[], object?[]> FromRow { get; } = static row => row;

    public override Func<object?[], object?[]> ToRow { get; } = static row => row;

    public override void Send(long timestamp, ReadOnlySpan<object?[]> events) => app.SendChunk(schema.Name, timestamp, events.ToArray());

    public override Exception? SendCatching(long timestamp, ReadOnlySpan<object?[]> events)
    {
        Send(timestamp, events);
        return null;
    }

    public override IDisposable Subscribe(IStreamReceiver<object?[]> receiver) =>
        app.Subscribe(schema.Name, e =>
        {
            if (!e.IsExpired)
            {
                var one = new StreamEvent<object?[]>(e.Timestamp, e.Data);
                receiver.Receive(new ReadOnlySpan<StreamEvent<object?[]>>(in one));
            }
        });
}
