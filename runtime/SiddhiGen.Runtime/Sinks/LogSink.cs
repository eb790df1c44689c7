using Microsoft.Extensions.Logging;

namespace SiddhiGen.Runtime;

/// <summary>
/// The <c>log</c> sink: writes every event of its stream as <c>prefix : Event{...}</c> at the configured
/// priority. The default prefix is <c>AppName : StreamName</c>, as in Siddhi.
/// </summary>
public sealed class LogSink<T> : IStreamReceiver<T>, IAppComponent
{
    private readonly ILogger _logger;
    private readonly LogLevel _level;
    private readonly string _prefix;
    private readonly Func<T, object?[]> _toRow;
    private readonly OutputStream<T> _stream;
    private IDisposable? _subscription;

    public LogSink(OutputStream<T> stream, Func<T, object?[]> toRow, string? prefix = null, string priority = "INFO")
    {
        _stream = stream;
        _toRow = toRow;
        _prefix = prefix ?? $"{stream.App.Name} : {stream.Name}";
        _level = ParsePriority(priority);
        _logger = stream.App.LoggerFactory.CreateLogger("SiddhiGen.LogSink");
    }

    public void Start() => _subscription ??= _stream.AddReceiver(this);

    public void Stop()
    {
        _subscription?.Dispose();
        _subscription = null;
    }

    public void Receive(ReadOnlySpan<StreamEvent<T>> chunk)
    {
        if (!_logger.IsEnabled(_level))
        {
            return;
        }

        foreach (ref readonly var e in chunk)
        {
            var line = _prefix + " : " + SiddhiValues.FormatEvent(e.Timestamp, _toRow(e.Data), e.IsExpired);
#pragma warning disable CA1848, CA2254 // the line is built once per event anyway; a template would only re-parse it.
            _logger.Log(_level, line);
#pragma warning restore CA1848, CA2254
        }
    }

    /// <summary>Maps Siddhi's log priorities (INFO, DEBUG, WARN, FATAL, ERROR, OFF, TRACE) to log levels.</summary>
    public static LogLevel ParsePriority(string priority) => priority.ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" => LogLevel.Information,
        "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" => LogLevel.Critical,
        "OFF" => LogLevel.None,
        _ => throw new ArgumentException($"Log priority '{priority}' is not one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF."),
    };
}
