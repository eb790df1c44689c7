using Microsoft.Extensions.Logging;

namespace SiddhiGen.Runtime;

/// <summary>Siddhi's log priorities (TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF) as log levels, for the log sink and <c>#log</c>.</summary>
public static class LogPriority
{
    public static LogLevel Parse(string priority) => priority.Trim().ToUpperInvariant() switch
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
