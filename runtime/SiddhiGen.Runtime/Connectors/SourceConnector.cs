using Microsoft.Extensions.Logging;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// A transport that receives messages (Siddhi's Source): file, http, kafka, tcp, inMemory, or your own
/// (register it with <see cref="ConnectorRegistry.AddSource"/>). It hands each message to
/// <see cref="SourceContext.Deliver"/>, which maps it and sends the events into the stream.
/// </summary>
public abstract class SourceConnector
{
    /// <summary>
    /// Starts receiving. Called once when the app starts, after its sinks. Read the options from
    /// <see cref="SourceContext.Options"/> and fail here (with a <see cref="ConnectorConfigurationException"/>)
    /// when they are invalid.
    /// </summary>
    public abstract Task StartAsync(SourceContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Stops receiving. When it returns, no <see cref="SourceContext.Deliver"/> call may be running or start:
    /// in-flight messages are finished (drained), not dropped.
    /// </summary>
    public abstract Task StopAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Completes when a finite source has delivered all its input (a file read without tailing).
    /// Sources that run until stopped never complete it.
    /// </summary>
    public virtual Task Completion => Task.Delay(Timeout.Infinite);

    /// <summary>True when <see cref="Completion"/> can complete by itself.</summary>
    public virtual bool IsFinite => false;
}

/// <summary>What delivering one message to a stream resulted in; transports answer with it (HTTP 200/400).</summary>
public enum DeliveryResult
{
    /// <summary>The message was mapped and its events were sent to the stream.</summary>
    Accepted,

    /// <summary>The message could not be mapped (malformed, wrong types, empty); the error policy has it.</summary>
    Invalid,

    /// <summary>The events were sent, but processing them failed; the error policy has them.</summary>
    Failed,

    /// <summary>The app is not running; the message was counted and logged, not processed.</summary>
    Unavailable,
}

/// <summary>Everything a source needs: its options, a logger, and the door into the stream.</summary>
public abstract class SourceContext
{
    /// <summary>The app receiving the events.</summary>
    public abstract SiddhiApp App { get; }

    /// <summary>The stream the source feeds.</summary>
    public abstract StreamSchema Schema { get; }

    /// <summary>The source's options, <c>${VAR}</c> resolved.</summary>
    public abstract ConnectorOptions Options { get; }

    /// <summary>The <c>@map</c> of the source (some transports choose text or binary by it).</summary>
    public abstract MapperSpec Map { get; }

    public abstract ILogger Logger { get; }

    /// <summary>E.g. <c>"http source of 'TempStream'"</c>, for messages.</summary>
    public abstract string Description { get; }

    /// <summary>Maps one message and sends its events as one chunk. Thread-safe; may be called concurrently.</summary>
    public abstract DeliveryResult Deliver(in SourceMessage message);

    /// <summary>
    /// Rejects a message before mapping (too large, refused by the transport): it goes to the stream's error
    /// policy like a message that could not be mapped.
    /// </summary>
    public abstract void Reject(string reason, string? payload = null);

    /// <summary>Reports a transport-level failure (connection lost, file unreadable): logged and counted.</summary>
    public abstract void ReportError(string message, Exception? exception = null);

    /// <summary>Marks the source connected (or not) for health checks.</summary>
    public abstract void SetConnected(bool connected);
}
