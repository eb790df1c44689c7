using System.Collections.Concurrent;
using SiddhiGen.Runtime;

namespace SiddhiGen.Management;

/// <summary>
/// The apps the host runs (every <see cref="SiddhiApp"/> registered by <c>AddSiddhiApp</c>) by name, and
/// since when each has been running: the first time it is seen running, which the host's started event
/// makes the moment the host finished starting.
/// </summary>
public sealed class AppDirectory(IEnumerable<SiddhiApp> apps, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<SiddhiApp, DateTimeOffset> _started = new();
    private readonly Lazy<IReadOnlyList<SiddhiApp>> _apps = new(() => [.. apps.Distinct()]);

    public IReadOnlyList<SiddhiApp> Apps => _apps.Value;

    public SiddhiApp? Find(string name) => Apps.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    /// <summary>Notes the start of every app that runs now.</summary>
    public void Observe()
    {
        foreach (var app in Apps)
        {
            _ = StartedAt(app);
        }
    }

    /// <summary>When the app was first seen running; null while it is not running.</summary>
    public DateTimeOffset? StartedAt(SiddhiApp app)
    {
        if (!app.IsRunning)
        {
            _started.TryRemove(app, out _);
            return null;
        }

        return _started.GetOrAdd(app, _ => _time.GetUtcNow());
    }

    public TimeSpan Uptime(SiddhiApp app) => StartedAt(app) is { } started ? _time.GetUtcNow() - started : TimeSpan.Zero;
}
