using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// The sources and sinks of one app: the ones its annotations declare and the ones attached by name
/// (from code or hosting configuration). Gives their state for health checks, the registry they are
/// created from, and the graceful lifecycle: <see cref="StartAsync"/> starts sinks, then the app, then
/// sources; <see cref="StopAsync"/> stops sources first (draining in-flight messages), then the app, then
/// sinks (draining their queues).
/// </summary>
public sealed class AppConnectors
{
    private static readonly ConditionalWeakTable<SiddhiApp, AppConnectors> s_apps = new();
    private readonly List<ConnectorRuntime> _connectors = [];

    private AppConnectors(SiddhiApp app) => App = app;

    public SiddhiApp App { get; }

    /// <summary>Where connector and mapper types are looked up; <see cref="ConnectorRegistry.Default"/> unless set before start.</summary>
    public ConnectorRegistry Registry { get; set; } = ConnectorRegistry.Default;

    /// <summary>How long stopping waits for a source's in-flight messages or a sink's queue (default 10 s).</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Every connector of the app, declared and attached.</summary>
    public IReadOnlyList<ConnectorRuntime> All
    {
        get
        {
            lock (_connectors)
            {
                return [.. _connectors];
            }
        }
    }

    public IEnumerable<ConnectorRuntime> Sources => All.Where(c => c.Kind == ConnectorKind.Source);

    public IEnumerable<ConnectorRuntime> Sinks => All.Where(c => c.Kind == ConnectorKind.Sink);

    /// <summary>The connectors of <paramref name="app"/> (created on first use).</summary>
    public static AppConnectors Of(SiddhiApp app) => s_apps.GetValue(app, static a => new AppConnectors(a));

    /// <summary>
    /// Attaches a source to a stream by name, as if the stream had the <c>@source</c> (events go through the
    /// dynamic interface). Call before the app starts; it starts with <see cref="StartAsync"/>.
    /// </summary>
    public ConnectorRuntime AttachSource(string stream, ConnectorSpec spec, ErrorAction onError = ErrorAction.Log)
    {
        var schema = App.GetSchema(stream) ?? throw new ArgumentException($"Stream '{stream}' is not defined in app '{App.Name}'.", nameof(stream));
        return new SourceRuntime<object?[]>(App, new DynamicPort(App, schema), spec, null, onError) { IsAttached = true };
    }

    /// <summary>Attaches a sink to a stream by name, as if the stream had the <c>@sink</c>.</summary>
    public ConnectorRuntime AttachSink(string stream, ConnectorSpec spec)
    {
        var schema = App.GetSchema(stream) ?? throw new ArgumentException($"Stream '{stream}' is not defined in app '{App.Name}'.", nameof(stream));
        return new SinkRuntime<object?[]>(App, new DynamicPort(App, schema), spec, null) { IsAttached = true };
    }

    /// <summary>Starts attached sinks, the app (with its declared connectors), then attached sources.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        foreach (var sink in All.Where(c => c.IsAttached && c.Kind == ConnectorKind.Sink))
        {
            cancellationToken.ThrowIfCancellationRequested();
            sink.StartConnector();
        }

        App.Start();
        foreach (var source in All.Where(c => c.IsAttached && c.Kind == ConnectorKind.Source))
        {
            cancellationToken.ThrowIfCancellationRequested();
            source.StartConnector();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops every source (each finishes its in-flight messages), shuts the app down (its sinks drain),
    /// then stops attached sinks. Safe to call more than once.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await Task.Run(
            () =>
            {
                foreach (var source in All.Where(c => c.Kind == ConnectorKind.Source).Reverse())
                {
                    source.StopConnector();
                }

                App.Shutdown();
                foreach (var sink in All.Where(c => c.IsAttached && c.Kind == ConnectorKind.Sink).Reverse())
                {
                    sink.StopConnector();
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Completes when every finite source (a file read without tailing) has delivered all its input; never
    /// when the app has none. Ask after the app started.
    /// </summary>
    public Task WhenSourcesCompleted()
    {
        var finite = All.Where(c => c.Kind == ConnectorKind.Source).Select(c => c as IFiniteSource).Where(s => s is { IsFinite: true }).ToList();
        return finite.Count == 0 ? Task.Delay(Timeout.Infinite) : Task.WhenAll(finite.Select(s => s!.Completion));
    }

    internal void Register(ConnectorRuntime connector)
    {
        lock (_connectors)
        {
            _connectors.Add(connector);
        }
    }

    internal void LogStopped(ILogger logger) => logger.LogDebug("Stopped the connectors of app '{App}'.", App.Name);
}

/// <summary>A source whose input can end (a file read without tailing).</summary>
internal interface IFiniteSource
{
    bool IsFinite { get; }

    Task Completion { get; }
}

/// <summary>The graceful lifecycle on any app: <c>await app.StartAsync()</c>, <c>await app.StopAsync()</c>.</summary>
public static class SiddhiAppConnectorExtensions
{
    /// <summary>The app's sources and sinks.</summary>
    public static AppConnectors GetConnectors(this SiddhiApp app) => AppConnectors.Of(app);

    /// <summary>Starts attached sinks, the app, then attached sources (<see cref="AppConnectors.StartAsync"/>).</summary>
    public static Task StartAsync(this SiddhiApp app, CancellationToken cancellationToken = default) => AppConnectors.Of(app).StartAsync(cancellationToken);

    /// <summary>Stops sources first (draining), then the app and its sinks (<see cref="AppConnectors.StopAsync"/>).</summary>
    public static Task StopAsync(this SiddhiApp app, CancellationToken cancellationToken = default) => AppConnectors.Of(app).StopAsync(cancellationToken);
}
