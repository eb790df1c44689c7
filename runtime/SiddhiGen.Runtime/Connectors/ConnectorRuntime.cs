using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SiddhiGen.Runtime.Connectors.Mapping;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>Whether a connector brings events in or sends them out.</summary>
public enum ConnectorKind
{
    Source,
    Sink,
}

/// <summary>Where a connector is in its life.</summary>
public enum ConnectorState
{
    Created,
    Starting,
    Running,

    /// <summary>A sink failed to connect or publish and is retrying.</summary>
    Retrying,

    /// <summary>A finite source delivered all its input.</summary>
    Completed,
    Stopped,

    /// <summary>The connector could not start (invalid options, unknown type).</summary>
    Failed,
}

/// <summary>
/// One source or sink of an app at run time: what health checks and tests look at (state, counters,
/// last error). Created by generated code for each <c>@source</c>/<c>@sink</c>, or by
/// <see cref="AppConnectors.AttachSource"/>/<see cref="AppConnectors.AttachSink"/>.
/// </summary>
[DebuggerDisplay("{Description} {State}")]
public abstract class ConnectorRuntime : IAppComponent
{
    private long _events;
    private long _errors;
    private volatile string? _lastError;

    private protected ConnectorRuntime(SiddhiApp app, ConnectorKind kind, string stream, ConnectorSpec spec)
    {
        App = app;
        Kind = kind;
        Stream = stream;
        Spec = spec;
        Type = spec.Type;
        Description = $"{spec.Type} {(kind == ConnectorKind.Source ? "source" : "sink")} of '{stream}'";
        Logger = app.LoggerFactory.CreateLogger("SiddhiGen.Connectors");
        Connectors = AppConnectors.Of(app);
        Connectors.Register(this);
    }

    public SiddhiApp App { get; }

    public string AppName => App.Name;

    public ConnectorKind Kind { get; }

    /// <summary>The stream the connector feeds or publishes.</summary>
    public string Stream { get; }

    /// <summary>The connector type (<c>http</c>, <c>file</c>, ...).</summary>
    public string Type { get; }

    public ConnectorSpec Spec { get; }

    /// <summary>E.g. <c>"http source of 'TempStream'"</c>.</summary>
    public string Description { get; }

    public ConnectorState State { get; protected set; } = ConnectorState.Created;

    /// <summary>True while the transport is connected (a listener bound, a broker reachable).</summary>
    public bool IsConnected { get; protected internal set; }

    /// <summary>Events delivered into the stream (sources) or published (sinks).</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Messages and events that failed (mapping, processing, publishing, connecting).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>The last error's message, or null.</summary>
    public string? LastError => _lastError;

    internal ILogger Logger { get; }

    internal AppConnectors Connectors { get; }

    /// <summary>True for a connector attached by name after the app was created (started by <see cref="AppConnectors.StartAsync"/>).</summary>
    internal bool IsAttached { get; init; }

    internal abstract void StartConnector();

    // A connector attached by name from code or configuration is started by its owner, not by the app.
    void IAppComponent.Start()
    {
        if (!IsAttached)
        {
            StartConnector();
        }
    }

    void IAppComponent.Stop()
    {
        if (!IsAttached)
        {
            StopConnector();
        }
    }

    /// <summary>Resolves the connector's and its mapper's options (<c>${VAR}</c> placeholders) when it starts.</summary>
    private protected (ConnectorOptions Options, MapperContext Mapper) ResolveOptions(StreamSchema schema)
    {
        var variables = new VariableResolver(App.Options.Variables, App.Name);
        var options = new ConnectorOptions(Spec.Options, variables, "the " + Description);
        var mapperOptions = new ConnectorOptions(Spec.Map.Options, variables, $"the {Spec.Map.Type} mapper of the {Description}");
        return (options, new MapperContext(App, schema, Spec.Map, mapperOptions, options, Logger));
    }

    internal abstract void StopConnector();

    internal void CountEvents(int count)
    {
        Interlocked.Add(ref _events, count);
        (Kind == ConnectorKind.Source ? ConnectorMetrics.EventsIn : ConnectorMetrics.EventsOut).Add(count, ConnectorMetrics.Tags(this));
    }

    internal void CountError(string kind, string message, long count = 1)
    {
        Interlocked.Add(ref _errors, count);
        _lastError = message;
        ConnectorMetrics.Errors.Add(count, ConnectorMetrics.Tags(this, kind));
    }

    public override string ToString() => $"{Description}: {State}, {Events} events, {Errors} errors";
}
