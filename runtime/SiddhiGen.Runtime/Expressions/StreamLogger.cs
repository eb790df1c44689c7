using Microsoft.Extensions.Logging;

namespace SiddhiGen.Runtime;

/// <summary>
/// The <c>#log</c> stream function: logs each event passing through (<c>AppName: message, Event{...}</c>)
/// at the given priority and lets it pass. Generated code calls <see cref="Log"/> in the filter chain.
/// </summary>
public sealed class StreamLogger
{
    private readonly ILogger _logger;
    private readonly string _prefix;

    public StreamLogger(SiddhiApp app)
    {
        _logger = app.LoggerFactory.CreateLogger("SiddhiGen.StreamLog");
        _prefix = app.Name + ": ";
    }

    /// <summary>Logs and returns true, so the event continues.</summary>
    public bool Log(string? priority, string? message, object?[]? row, long timestamp)
    {
        var level = priority is null ? LogLevel.Information : LogPriority.Parse(priority);
        if (!_logger.IsEnabled(level))
        {
            return true;
        }

        var text = _prefix + (message ?? string.Empty);
        if (row is not null)
        {
            text += (message is null ? string.Empty : ", ") + SiddhiValues.FormatEvent(timestamp, row, isExpired: false);
        }

#pragma warning disable CA1848, CA2254 // one formatted line per logged event, as Siddhi writes it
        _logger.Log(level, text);
#pragma warning restore CA1848, CA2254
        return true;
    }
}
