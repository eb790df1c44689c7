using Microsoft.Extensions.Logging;

namespace SiddhiGen.Management;

/// <summary>One warning or error an app logged (a mapping failure, an error policy's log line, a connector that went down).</summary>
public sealed record RecentError(DateTimeOffset Time, string Level, string Category, string Message);

/// <summary>
/// Keeps the latest warnings and errors logged under the <c>SiddhiGen</c> categories (apps, connectors,
/// hosting) for the API's and the page's "recent errors": a logger provider, so nothing in the runtime
/// needs to know about management.
/// </summary>
public sealed class RecentErrors(SiddhiManagementOptions options) : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly LinkedList<RecentError> _errors = new();

    public IReadOnlyList<RecentError> Snapshot()
    {
        lock (_lock)
        {
            return [.. _errors];
        }
    }

    /// <summary>Records an error the management API itself answered with (a bad event or query).</summary>
    public void Add(string level, string category, string message)
    {
        lock (_lock)
        {
            _errors.AddFirst(new RecentError(DateTimeOffset.UtcNow, level, category, message));
            while (_errors.Count > Math.Max(1, options.RecentErrorCapacity))
            {
                _errors.RemoveLast();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(RecentErrors owner, string category) : ILogger
    {
        private readonly bool _relevant = category.StartsWith("SiddhiGen", StringComparison.Ordinal);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => _relevant && logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var message = formatter(state, exception);
                owner.Add(logLevel.ToString(), category, exception is null ? message : message + " (" + exception.GetType().Name + ": " + exception.Message + ")");
            }
        }
    }
}
