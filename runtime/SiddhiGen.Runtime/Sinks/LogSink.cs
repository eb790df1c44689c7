using Microsoft.Extensions.Logging;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Runtime.Sinks;

/// <summary>
/// The <c>log</c> sink: logs <c>prefix : payload</c> through the app's <see cref="ILoggerFactory"/> (category
/// <c>SiddhiGen.LogSink</c>) at <c>priority</c> (TRACE, DEBUG, INFO (default), WARN, ERROR, FATAL, OFF).
/// The default prefix is <c>AppName : StreamName</c>. With passThrough each event is one line,
/// <c>Event{timestamp=..., data=[...], isExpired=false}</c>; other mappers log their payload.
/// </summary>
public sealed class LogSink : SinkConnector
{
    private ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    private LogLevel _level;
    private string _prefix = string.Empty;

    public override bool PublishesSynchronously => true;

    public override Task ConnectAsync(SinkContext context, CancellationToken cancellationToken)
    {
        _logger = context.App.LoggerFactory.CreateLogger("SiddhiGen.LogSink");
        _level = LogPriority.Parse(context.Options.Get("priority", "INFO"));
        _prefix = context.Options.Get("prefix") ?? $"{context.App.Name} : {context.Schema.Name}";
        return Task.CompletedTask;
    }

    public override ValueTask PublishAsync(SinkMessage message, CancellationToken cancellationToken)
    {
        if (!_logger.IsEnabled(_level))
        {
            return ValueTask.CompletedTask;
        }

#pragma warning disable CA1848, CA2254 // the line is built once per event anyway; a template would only re-parse it.
        if (message.Payload is DynamicEvent[] events)
        {
            foreach (var e in events)
            {
                _logger.Log(_level, _prefix + " : " + SiddhiValues.FormatEvent(e.Timestamp, e.Data, e.IsExpired));
            }
        }
        else
        {
            _logger.Log(_level, _prefix + " : " + message.GetText());
        }
#pragma warning restore CA1848, CA2254

        return ValueTask.CompletedTask;
    }
}
