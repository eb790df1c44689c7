using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SiddhiGen.Runtime.Connectors.Mapping;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// A sink at run time: subscribes to the stream when the app starts, maps each chunk (one payload per
/// chunk when the mapper groups and no option is dynamic, else one per event) and publishes it, on the
/// processing thread for synchronous transports, else from a queue on a background loop. Failures follow
/// <c>on.error</c>: LOG (log, count, drop), WAIT (retry with back-off until published, back-pressure),
/// STREAM (to the fault stream <c>!S</c>). Stopping drains the queue.
/// </summary>
internal sealed class SinkRuntime<T> : ConnectorRuntime, IStreamReceiver<T>
{
    private const int WaitQueueCapacity = 1024;
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(5);

    private readonly StreamPort<T> _port;
    private readonly Func<MapperContext, ISinkMapper<T>>? _typedMapper;
    private readonly CancellationTokenSource _stopping = new();
    private SinkConnector? _connector;
    private ISinkMapper<T>? _mapper;
    private ErrorPolicy? _policy;
    private Context? _context;
    private (string Key, OptionTemplate Template)[] _dynamic = [];
    private IDisposable? _subscription;
    private Channel<Pending>? _queue;
    private Task? _loop;
    private TimeSpan _backoff;

    public SinkRuntime(SiddhiApp app, StreamPort<T> port, ConnectorSpec spec, Func<MapperContext, ISinkMapper<T>>? typedMapper)
        : base(app, ConnectorKind.Sink, port.Schema.Name, spec)
    {
        _port = port;
        _typedMapper = typedMapper;
    }

    /// <summary>The sink's <c>on.error</c> action.</summary>
    public ErrorAction Action => _policy?.Action ?? ErrorAction.Log;

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
            _mapper = _typedMapper?.Invoke(mapperContext) ?? Connectors.Registry.CreateSinkMapper(mapperContext, _port.ToRow);
            _policy = new ErrorPolicy(this, ErrorActions.Parse(options.Get("on.error"), "the " + Description, allowWait: true));
            _dynamic = options.Keys
                .Where(k => options.IsDynamic(k))
                .Select(k => (k, options.GetTemplate(k, _port.Schema)!))
                .ToArray();
            _connector = Connectors.Registry.CreateSink(Spec.Type);
            _context = new Context(this, options);
            if (_connector.PublishesSynchronously)
            {
                _connector.ConnectAsync(_context, CancellationToken.None).GetAwaiter().GetResult();
                IsConnected = true;
            }
            else
            {
                _queue = _policy.Action == ErrorAction.Wait
                    ? Channel.CreateBounded<Pending>(new BoundedChannelOptions(WaitQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait })
                    : Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
                _loop = Task.Run(PublishLoopAsync);
            }

            State = ConnectorState.Running;
            _subscription = _port.Subscribe(this);
        }
        catch (Exception ex)
        {
            State = ConnectorState.Failed;
            CountError("connection", ex.Message);
            throw new ConnectorConfigurationException($"The {Description} of app '{AppName}' could not start: {ex.Message}", ex);
        }
    }

    internal override void StopConnector()
    {
        if (State is ConnectorState.Created or ConnectorState.Stopped or ConnectorState.Failed)
        {
            return;
        }

        _subscription?.Dispose();
        _subscription = null;
        try
        {
            if (_queue is not null)
            {
                _queue.Writer.TryComplete();
                if (!_loop!.Wait(Connectors.DrainTimeout))
                {
                    _stopping.Cancel();
                    _loop.Wait(TimeSpan.FromSeconds(5));
                }
            }

            _stopping.Cancel();
            using var timeout = new CancellationTokenSource(Connectors.DrainTimeout);
            _connector!.DisconnectAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Stopping the {Connector} of app '{App}' failed.", Description, AppName);
        }
        finally
        {
            State = ConnectorState.Stopped;
            IsConnected = false;
        }
    }

    public void Receive(ReadOnlySpan<StreamEvent<T>> chunk)
    {
        if (_mapper is null || State is ConnectorState.Stopped)
        {
            return;
        }

        if (_dynamic.Length == 0 && _mapper.GroupsEvents && !_connector!.PublishesPerEvent)
        {
            Publish(chunk);
            return;
        }

        for (var i = 0; i < chunk.Length; i++)
        {
            Publish(chunk.Slice(i, 1));
        }
    }

    private void Publish(ReadOnlySpan<StreamEvent<T>> events)
    {
        object payload;
        string?[]? dynamicValues = null;
        object?[]? row = null;
        try
        {
            payload = _mapper!.Map(events);
            if (_connector!.PublishesPerEvent)
            {
                row = _port.ToRow(events[0].Data);
            }

            if (_dynamic.Length > 0)
            {
                row ??= _port.ToRow(events[0].Data);
                dynamicValues = new string?[_dynamic.Length];
                for (var i = 0; i < _dynamic.Length; i++)
                {
                    dynamicValues[i] = _dynamic[i].Template.Format(row);
                }
            }
        }
        catch (Exception ex)
        {
            _policy!.PublishFailed(Rows(events), events.Length, ex);
            return;
        }

        var copy = _policy!.Action == ErrorAction.Stream ? events.ToArray() : null;
        var pending = new Pending(payload, events.Length, events[^1].Timestamp, dynamicValues, copy, row);
        if (_queue is null)
        {
            var published = PublishNow(pending, CancellationToken.None);
            if (published.IsCompletedSuccessfully)
            {
                published.GetAwaiter().GetResult();
            }
            else
            {
                published.AsTask().GetAwaiter().GetResult();
            }
        }
        else if (!_queue.Writer.TryWrite(pending))
        {
            // WAIT with a full queue: block the processing thread until the sink catches up (back-pressure).
            try
            {
                _queue.Writer.WriteAsync(pending, _stopping.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
            {
                _policy.PublishFailed(null, pending.Count, new PublishException("The sink was stopped before the event could be queued.", ex));
            }
        }
    }

    private async Task PublishLoopAsync()
    {
        // One attempt up front so a healthy transport is connected before the first event; after a failure
        // each publish tries again, and what cannot be published follows on.error.
        try
        {
            await ConnectAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            Logger.LogWarning(ex, "The {Connector} of app '{App}' could not connect: {Error}", Description, AppName, ex.Message);
        }

        await foreach (var pending in _queue!.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            await PublishNow(pending, _stopping.Token).ConfigureAwait(false);
        }
    }

    private async Task ConnectAsync()
    {
        try
        {
            await _connector!.ConnectAsync(_context!, _stopping.Token).ConfigureAwait(false);
            IsConnected = true;
            State = ConnectorState.Running;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            IsConnected = false;
            State = ConnectorState.Retrying;
            CountError("connection", ex.Message);
            throw;
        }
    }

    private async ValueTask PublishNow(Pending pending, CancellationToken cancellationToken)
    {
        var message = new SinkMessage(pending.Payload, pending.Count, pending.Timestamp, _context!, pending.DynamicValues, pending.Row);
        _backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                if (!IsConnected && _queue is not null)
                {
                    await ConnectAsync().ConfigureAwait(false);
                }

                await _connector!.PublishAsync(message, cancellationToken).ConfigureAwait(false);
                CountEvents(pending.Count);
                if (State == ConnectorState.Retrying)
                {
                    State = ConnectorState.Running;
                }

                return;
            }
            catch (Exception ex)
            {
                if (_policy!.Action != ErrorAction.Wait || cancellationToken.IsCancellationRequested || _stopping.IsCancellationRequested)
                {
                    _policy.PublishFailed(pending.Events is null ? null : Rows(pending.Events), pending.Count, ex);
                    return;
                }

                State = ConnectorState.Retrying;
                CountError("publish", ex.Message);
                Logger.LogWarning(ex, "The {Connector} of app '{App}' could not publish (on.error='WAIT'); retrying in {Delay} ms.", Description, AppName, _backoff.TotalMilliseconds);
                try
                {
                    await DelayAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _policy.PublishFailed(null, pending.Count, new PublishException("The sink was stopped while waiting to publish.", ex));
                    return;
                }
            }
        }
    }

    private async Task DelayAsync()
    {
        await Task.Delay(_backoff, _stopping.Token).ConfigureAwait(false);
        _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, s_maxBackoff.Ticks));
    }

    private List<object?[]> Rows(ReadOnlySpan<StreamEvent<T>> events)
    {
        var rows = new List<object?[]>(events.Length);
        foreach (ref readonly var e in events)
        {
            rows.Add(_port.ToRow(e.Data));
        }

        return rows;
    }

    private readonly record struct Pending(object Payload, int Count, long Timestamp, string?[]? DynamicValues, StreamEvent<T>[]? Events, object?[]? Row);

    private sealed class Context(SinkRuntime<T> owner, ConnectorOptions options) : SinkContext
    {
        public override SiddhiApp App => owner.App;

        public override StreamSchema Schema => owner._port.Schema;

        public override ConnectorOptions Options => options;

        public override MapperSpec Map => owner.Spec.Map;

        public override ILogger Logger => owner.Logger;

        public override string Description => owner.Description;

        public override void ReportError(string message, int eventCount, Exception? exception = null) =>
            owner._policy!.PublishFailed(null, eventCount, exception ?? new PublishException(message));

        public override void SetConnected(bool connected) => owner.IsConnected = connected;

        internal override int DynamicOptionIndex(string key)
        {
            for (var i = 0; i < owner._dynamic.Length; i++)
            {
                if (string.Equals(owner._dynamic[i].Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
