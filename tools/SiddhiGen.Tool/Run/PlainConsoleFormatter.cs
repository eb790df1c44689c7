using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace SiddhiGen.Tool.Run;

/// <summary>
/// The app's log lines as they are (a log sink's line is the output the user runs the app for); warnings
/// and errors prefixed with their level and category, so a mapping error is easy to spot.
/// </summary>
internal sealed class PlainConsoleFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "siddhigen";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.LogLevel >= LogLevel.Warning)
        {
            message = $"{logEntry.LogLevel.ToString().ToLowerInvariant()}: {logEntry.Category}: {message}";
        }

        textWriter.WriteLine(logEntry.Exception is null ? message : message + Environment.NewLine + logEntry.Exception);
    }
}
