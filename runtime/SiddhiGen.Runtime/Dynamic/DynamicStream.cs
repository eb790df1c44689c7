namespace SiddhiGen.Runtime;

/// <summary>A stream seen by name with <c>object?[]</c> rows: the adapter over a typed stream.</summary>
internal abstract class DynamicStream
{
    public abstract StreamSchema Schema { get; }

    public abstract void Send(long timestamp, object?[] row);

    public abstract void SendChunk(long timestamp, IReadOnlyList<object?[]> rows);

    public abstract IDisposable Subscribe(Action<DynamicEvent> callback);
}

internal sealed class DynamicStream<T>(InputStream<T> stream, Func<object?[], T> fromRow, Func<T, object?[]> toRow) : DynamicStream
{
    public override StreamSchema Schema => stream.Schema;

    public override void Send(long timestamp, object?[] row) => stream.Send(timestamp, fromRow(CheckArity(row)));

    public override void SendChunk(long timestamp, IReadOnlyList<object?[]> rows)
    {
        var events = new T[rows.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = fromRow(CheckArity(rows[i]));
        }

        stream.Send(timestamp, events);
    }

    public override IDisposable Subscribe(Action<DynamicEvent> callback) =>
        stream.AddReceiver(new Receiver(callback, toRow));

    private object?[] CheckArity(object?[] row) =>
        row.Length == Schema.Attributes.Length
            ? row
            : throw new ArgumentException($"Stream '{Schema.Name}' has {Schema.Attributes.Length} attributes but the row has {row.Length} values.");

    private sealed class Receiver(Action<DynamicEvent> callback, Func<T, object?[]> toRow) : IStreamReceiver<T>
    {
        public void Receive(ReadOnlySpan<StreamEvent<T>> chunk)
        {
            foreach (ref readonly var e in chunk)
            {
                callback(new DynamicEvent(e.Timestamp, toRow(e.Data), e.IsExpired));
            }
        }
    }
}

/// <summary>A named query seen with <c>object?[]</c> rows.</summary>
internal abstract class DynamicQuery
{
    public abstract IDisposable Subscribe(Action<QueryResult> callback);
}

internal sealed class DynamicQuery<T>(QueryOutput<T> output, Func<T, object?[]> toRow) : DynamicQuery
{
    public override IDisposable Subscribe(Action<QueryResult> callback) =>
        output.Subscribe((timestamp, current, expired) =>
        {
            var currentRows = new object?[current.Length][];
            for (var i = 0; i < current.Length; i++)
            {
                currentRows[i] = toRow(current[i]);
            }

            var expiredRows = new object?[expired.Length][];
            for (var i = 0; i < expired.Length; i++)
            {
                expiredRows[i] = toRow(expired[i]);
            }

            callback(new QueryResult(timestamp, [.. currentRows], [.. expiredRows]));
        });
}
