using Microsoft.Extensions.Logging;

namespace SiddhiGen.Conformance.Execution;

/// <summary>
/// The logger factory each case's app gets: it keeps the app quiet (no console output from log sinks
/// or dropped events) and remembers the first error logged, for the failure detail.
/// </summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    private string? _firstError;

    /// <summary>The first message logged at Error or above, with its exception.</summary>
    public string? FirstError => Volatile.Read(ref _firstError);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || owner._firstError is not null)
            {
                return;
            }

            var message = formatter(state, exception);
            if (exception is not null)
            {
                message += " " + exception.GetType().Name + ": " + exception.Message;
            }

            Interlocked.CompareExchange(ref owner._firstError, message, null);
        }
    }
}
