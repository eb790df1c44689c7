using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using SiddhiGen.Runtime.Connectors.Mapping;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// A source at run time: creates the connector and mapper when the app starts, maps each message the
/// connector delivers, sends its events into the stream as one chunk, and applies the stream's error
/// policy to what fails. Stopping waits for in-flight deliveries (drain).
/// </summary>
internal sealed class SourceRuntime<T> : ConnectorRuntime, IFiniteSource
{
    [ThreadStatic]
    private static List<T>? t_events;

    private readonly StreamPort<T> _port;
    private readonly Func<MapperContext, ISourceMapper<T>>? _typedMapper;
    private readonly ErrorAction _streamAction;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SourceConnector? _connector;
    private ISourceMapper<T>? _mapper;
    private ErrorPolicy? _policy;
    private Context? _context;

    public SourceRuntime(SiddhiApp app, StreamPort<T> port, ConnectorSpec spec, Func<MapperContext, ISourceMapper<T>>? typedMapper, ErrorAction streamAction)
        : base(app, ConnectorKind.Source, port.Schema.Name, spec)
    {
        _port = port;
        _typedMapper = typedMapper;
        _streamAction = streamAction;
    }

    /// <summary>True when the connector can finish by itself (a file read without tailing).</summary>
    public bool IsFinite => _connector?.IsFinite ?? false;

    /// <summary>Completes when a finite source has delivered everything (or the source stopped).</summary>
    public Task Completion => _completion.Task;

    internal override void StartConnector()
    {
        if (State != ConnectorState.Created)
        {
            return;
        }

        State = ConnectorState.Starting;
        try
        {
            var (options, mapperContext) = ResolveOptions(_port.Schema);
            _mapper = _typedMapper?.Invoke(mapperContext) ?? Connectors.Registry.CreateSourceMapper(mapperContext, _port.FromRow);
            _policy = new ErrorPolicy(this, _streamAction);
            _connector = Connectors.Registry.CreateSource(Spec.Type);
            _context = new Context(this, options);
            _connector.StartAsync(_context, CancellationToken.None).GetAwaiter().GetResult();
            State = ConnectorState.Running;
            if (_connector.IsFinite)
            {
                _connector.Completion.ContinueWith(
                    t =>
                    {
                        if (State == ConnectorState.Running)
                        {
                            State = ConnectorState.Completed;
                        }

                        _completion.TrySetResult();
                    },
                    TaskScheduler.Default);
            }

            Logger.LogDebug("Started the {Connector} of app '{App}'.", Description, AppName);
        }
        catch (Exception ex)
        {
            State = ConnectorState.Failed;
            CountError("connection", ex.Message);
            _completion.TrySetException(ex);
            throw new ConnectorConfigurationException($"The {Description} of app '{AppName}' could not start: {ex.Message}", ex);
        }
    }

    internal override void StopConnector()
    {
        if (State is not (ConnectorState.Running or ConnectorState.Completed or ConnectorState.Starting))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(Connectors.DrainTimeout);
            _connector!.StopAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            CountError("connection", ex.Message);
            Logger.LogError(ex, "Stopping the {Connector} of app '{App}' failed.", Description, AppName);
        }
        finally
        {
            State = ConnectorState.Stopped;
            IsConnected = false;
            _completion.TrySetResult();
        }
    }

    private DeliveryResult Deliver(in SourceMessage message)
    {
        var events = t_events ?? new List<T>();
        t_events = null; // a delivery that causes another one on this thread gets its own list
        try
        {
            try
            {
                if (message.IsEmpty)
                {
                    throw new MappingException("The message is empty.");
                }

                _mapper!.Map(message, events);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var mapping = ex as MappingException ?? new MappingException(ex.Message, ex);
                mapping.Payload ??= message.Describe();
                _policy!.MappingFailed(mapping);
                return DeliveryResult.Invalid;
            }

            if (events.Count == 0)
            {
                return DeliveryResult.Accepted;
            }

            if (!App.IsRunning)
            {
                _policy!.Unavailable(events.Count, message.Describe(256));
                return DeliveryResult.Unavailable;
            }

            var span = CollectionsMarshal.AsSpan(events);
            var timestamp = App.Clock.Now;
            try
            {
                if (_policy!.Action == ErrorAction.Stream)
                {
                    if (_port.SendCatching(timestamp, span) is { } error)
                    {
                        CountEvents(events.Count);
                        _policy.ProcessingFailed(events.Select(e => _port.ToRow(e)).ToList(), error);
                        return DeliveryResult.Failed;
                    }
                }
                else
                {
                    _port.Send(timestamp, span);
                }
            }
            catch (InvalidOperationException) when (!App.IsRunning)
            {
                _policy!.Unavailable(events.Count, message.Describe(256));
                return DeliveryResult.Unavailable;
            }

            CountEvents(events.Count);
            return DeliveryResult.Accepted;
        }
        finally
        {
            events.Clear();
            t_events = events;
        }
    }

    private sealed class Context(SourceRuntime<T> owner, ConnectorOptions options) : SourceContext
    {
        public override SiddhiApp App => owner.App;

        public override StreamSchema Schema => owner._port.Schema;

        public override ConnectorOptions Options => options;

        public override MapperSpec Map => owner.Spec.Map;

        public override ILogger Logger => owner.Logger;

        public override string Description => owner.Description;

        public override DeliveryResult Deliver(in SourceMessage message) => owner.Deliver(message);

        public override void Reject(string reason, string? payload = null) =>
            owner._policy!.MappingFailed(new MappingException(reason) { Payload = payload });

        public override void ReportError(string message, Exception? exception = null)
        {
            owner.CountError("connection", message);
            owner.Logger.LogError(exception, "The {Connector} of app '{App}': {Message}", owner.Description, owner.AppName, message);
        }

        public override void SetConnected(bool connected) => owner.IsConnected = connected;
    }
}
