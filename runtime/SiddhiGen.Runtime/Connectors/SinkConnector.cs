using Microsoft.Extensions.Logging;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// A transport that publishes mapped events (Siddhi's Sink): log, file, http, kafka, tcp, inMemory, or
/// your own (register it with <see cref="ConnectorRegistry.AddSink"/>).
/// </summary>
public abstract class SinkConnector
{
    /// <summary>
    /// True when <see cref="PublishAsync"/> completes synchronously and is cheap (log, inMemory, file):
    /// it then runs on the processing thread, in order. Otherwise a background loop publishes from a queue
    /// so slow I/O never blocks the app (except with <c>on.error='WAIT'</c>, which applies back-pressure).
    /// </summary>
    public virtual bool PublishesSynchronously => false;

    /// <summary>
    /// True when the sink needs each event's attribute values (http-call hands them to its response sources as
    /// <c>trp:</c> properties): it then gets one message per event, with <see cref="SinkMessage.Row"/> set.
    /// </summary>
    public virtual bool PublishesPerEvent => false;

    /// <summary>Connects when the app starts. A failure is retried with back-off; events queue meanwhile.</summary>
    public virtual Task ConnectAsync(SinkContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Publishes one payload. Throw to report a failure; the sink's <c>on.error</c> decides what follows.</summary>
    public abstract ValueTask PublishAsync(SinkMessage message, CancellationToken cancellationToken);

    /// <summary>Disconnects after the queue drained, when the app stops.</summary>
    public virtual Task DisconnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>One payload a sink publishes: the mapper's output for one event or one group of events.</summary>
public readonly struct SinkMessage
{
    private readonly string?[]? _dynamicValues;
    private readonly SinkContext _context;

    internal SinkMessage(object payload, int eventCount, long timestamp, SinkContext context, string?[]? dynamicValues, object?[]? row = null)
    {
        Row = row;
        Payload = payload;
        EventCount = eventCount;
        Timestamp = timestamp;
        _context = context;
        _dynamicValues = dynamicValues;
    }

    /// <summary>
    /// The mapped payload: a <see cref="string"/> for json, xml, csv and text; a
    /// <see cref="DynamicEvent"/> array for passThrough; a dictionary for keyvalue.
    /// </summary>
    public object Payload { get; }

    /// <summary>How many events the payload holds.</summary>
    public int EventCount { get; }

    /// <summary>The event's attribute values, in the stream's order, when the sink <see cref="SinkConnector.PublishesPerEvent"/>.</summary>
    public IReadOnlyList<object?>? Row { get; }

    /// <summary>The timestamp of the (last) event.</summary>
    public long Timestamp { get; }

    /// <summary>
    /// An option's value for this message: a dynamic option (<c>{{attr}}</c>) filled from the event, any
    /// other option with <c>${VAR}</c> resolved; null when absent.
    /// </summary>
    public string? GetOption(string key)
    {
        var index = _context.DynamicOptionIndex(key);
        return index >= 0 && _dynamicValues is not null ? _dynamicValues[index] : _context.Options.Get(key);
    }

    /// <summary>The payload as text (UTF-8 for bytes, Siddhi's event format for passThrough).</summary>
    public string GetText() => Payload switch
    {
        string s => s,
        byte[] b => System.Text.Encoding.UTF8.GetString(b),
        DynamicEvent e => SiddhiValues.FormatEvent(e.Timestamp, e.Data, e.IsExpired),
        DynamicEvent[] events => string.Join(Environment.NewLine, events.Select(e => SiddhiValues.FormatEvent(e.Timestamp, e.Data, e.IsExpired))),
        _ => Payload.ToString() ?? string.Empty,
    };

    /// <summary>The payload as bytes (text encoded as UTF-8).</summary>
    public byte[] GetBytes() => Payload as byte[] ?? System.Text.Encoding.UTF8.GetBytes(GetText());
}

/// <summary>Everything a sink needs: its options, a logger and the stream it publishes.</summary>
public abstract class SinkContext
{
    public abstract SiddhiApp App { get; }

    public abstract StreamSchema Schema { get; }

    /// <summary>The sink's options; dynamic ones are read per message with <see cref="SinkMessage.GetOption"/>.</summary>
    public abstract ConnectorOptions Options { get; }

    public abstract MapperSpec Map { get; }

    public abstract ILogger Logger { get; }

    /// <summary>E.g. <c>"http sink of 'AlertStream'"</c>.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// Reports events that failed after <see cref="SinkConnector.PublishAsync"/> returned (an asynchronous
    /// delivery report): logged and counted as publish errors.
    /// </summary>
    public abstract void ReportError(string message, int eventCount, Exception? exception = null);

    /// <summary>Marks the sink connected (or not) for health checks.</summary>
    public abstract void SetConnected(bool connected);

    internal abstract int DynamicOptionIndex(string key);
}
