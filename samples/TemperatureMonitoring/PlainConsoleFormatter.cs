using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace TemperatureMonitoring;

/// <summary>Writes each log message on its own line as it is (the log sink's lines), warnings and errors with their level.</summary>
internal sealed class PlainConsoleFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "plain";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.LogLevel >= LogLevel.Warning)
        {
            textWriter.Write(logEntry.LogLevel.ToString().ToLowerInvariant() + ": ");
        }

        textWriter.WriteLine(logEntry.Exception is null ? message : message + Environment.NewLine + logEntry.Exception);
    }
}
