using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Hosting;

/// <summary>How <c>AddSiddhiApp</c> hosts one app: variables, connectors attached from code, lifecycle choices.</summary>
public sealed class SiddhiAppHostOptions
{
    /// <summary>Values for <c>${NAME}</c> placeholders, looked up before configuration and the environment.</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>Sources to attach by stream name (started after the app, stopped first).</summary>
    public List<(string Stream, ConnectorSpec Spec)> Sources { get; } = [];

    /// <summary>Sinks to attach by stream name (started before the app, stopped last).</summary>
    public List<(string Stream, ConnectorSpec Spec)> Sinks { get; } = [];

    /// <summary>The registry connector types are created from; <see cref="ConnectorRegistry.Default"/> when null.</summary>
    public ConnectorRegistry? Registry { get; set; }

    /// <summary>How long stopping waits for in-flight messages and sink queues (default 10 s).</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Stops the host once every finite source (a file read without tailing) has delivered all its input,
    /// for batch-style workers. Off by default.
    /// </summary>
    public bool StopHostWhenSourcesComplete { get; set; }

    /// <summary>The configuration section read for this app (default <c>SiddhiGen:Apps:&lt;AppName&gt;</c>).</summary>
    public string? ConfigurationSection { get; set; }

    /// <summary>Persistence of the app's state; <c>SiddhiGen:Persistence</c> in the configuration is read over these values.</summary>
    public SiddhiPersistenceOptions Persistence { get; } = new();

    /// <summary>Attaches a source to <paramref name="stream"/>.</summary>
    public SiddhiAppHostOptions AddSource(string stream, ConnectorSpec spec)
    {
        Sources.Add((stream, spec));
        return this;
    }

    /// <summary>Attaches a sink to <paramref name="stream"/>.</summary>
    public SiddhiAppHostOptions AddSink(string stream, ConnectorSpec spec)
    {
        Sinks.Add((stream, spec));
        return this;
    }
}
