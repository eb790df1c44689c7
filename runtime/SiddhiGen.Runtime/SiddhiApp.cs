using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SiddhiGen.Runtime;

/// <summary>
/// The base of every generated app. It owns the clock, the lock that serialises sends with timers,
/// the lifecycle, and the dynamic (by-name, <c>object?[]</c>) interface that sources, mappers and the
/// conformance runner use. Generated subclasses add the typed streams and the fused query operators.
/// </summary>
public abstract partial class SiddhiApp : IDisposable
{
    private readonly Dictionary<string, DynamicStream> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DynamicQuery> _queries = new(StringComparer.Ordinal);
    private readonly List<IAppComponent> _components = [];
    private volatile int _state; // 0 created, 1 running, 2 shut down
    private int _stopping;

    /// <summary>The clock when event timestamps move it (a playback <see cref="VirtualClock"/>), called without virtual dispatch.</summary>
    private readonly VirtualClock? _playbackClock;

    protected SiddhiApp(string name, SiddhiAppOptions? options, bool playback)
    {
        Name = name;
        Options = options ?? new SiddhiAppOptions();
        IsPlayback = playback;
        Clock = Options.Clock ?? (playback ? new VirtualClock() : new RealClock(Options.TimeProvider));
        Clock.Attach(this);
        _playbackClock = Clock as VirtualClock is { AdvanceOnEvents: true } virtualClock ? virtualClock : null;
        LoggerFactory = Options.LoggerFactory ?? ConsoleLoggerFactory.Instance;
        Logger = LoggerFactory.CreateLogger("SiddhiGen." + name);
    }

    /// <summary>The app name (<c>@App:name</c>).</summary>
    public string Name { get; }

    /// <summary>The options the app was created with.</summary>
    public SiddhiAppOptions Options { get; }

    /// <summary>True for <c>@app:playback</c>: event timestamps drive the clock.</summary>
    public bool IsPlayback { get; }

    /// <summary>The app's time source.</summary>
    public AppClock Clock { get; }

    public ILoggerFactory LoggerFactory { get; }

    protected internal ILogger Logger { get; }

    /// <summary>Held while events are processed, so sends and timers never interleave (<c>using (app.ProcessingLock.Enter())</c>).</summary>
    public ProcessingLock ProcessingLock { get; } = new();

    public bool IsRunning => _state == 1;

    /// <summary>The schemas of every stream the app defines or infers, by name.</summary>
    public IReadOnlyDictionary<string, StreamSchema> Streams =>
        _streams.ToDictionary(s => s.Key, s => s.Value.Schema, StringComparer.Ordinal);

    /// <summary>The names of the queries named with <c>@info(name=...)</c> (and the default <c>query_n</c> names).</summary>
    public IReadOnlyCollection<string> QueryNames => _queries.Keys;

    /// <summary>Starts the app: timers, triggers, sinks and sources. Events may be sent from now on.</summary>
    public void Start()
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            return;
        }

        using (ProcessingLock.Enter())
        {
            var mark = DeliveryMark;
            try
            {
                OnStart();
                foreach (var component in _components)
                {
                    component.Start();
                }
            }
            catch
            {
                AbandonDeliveries(mark);
                throw;
            }
        }
    }

    /// <summary>Stops sources first, then timers and sinks. Events sent afterwards are rejected.</summary>
    public void Shutdown()
    {
        if (_state == 2 || Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            return;
        }

        // Sources stop first while the app still accepts what they have in hand; only then are sends rejected.
        for (var i = _components.Count - 1; i >= 0; i--)
        {
            _components[i].Stop();
        }

        _state = 2;
        Clock.Stop();
    }

    public void Dispose()
    {
        Shutdown();
        GC.SuppressFinalize(this);
    }

    /// <summary>Sends one row to a stream by name (the dynamic interface).</summary>
    public void Send(string stream, long timestamp, object?[] row) => GetStream(stream).Send(timestamp, row);

    /// <summary>Sends rows to a stream by name as one chunk, all stamped with <paramref name="timestamp"/>.</summary>
    public void SendChunk(string stream, long timestamp, IReadOnlyList<object?[]> rows) => GetStream(stream).SendChunk(timestamp, rows);

    /// <summary>Calls <paramref name="callback"/> for every event delivered to the stream.</summary>
    public IDisposable Subscribe(string stream, Action<DynamicEvent> callback) => GetStream(stream).Subscribe(callback);

    /// <summary>Calls <paramref name="callback"/> once per output chunk of the named query, with its current and expired rows.</summary>
    public IDisposable SubscribeQuery(string query, Action<QueryResult> callback)
    {
        if (!_queries.TryGetValue(query, out var q))
        {
            throw new ArgumentException($"Query '{query}' is not defined in app '{Name}'.", nameof(query));
        }

        return q.Subscribe(callback);
    }

    // Query(string), on-demand queries: Evaluator/SiddhiApp.OnDemand.cs.

    /// <summary>The schema of a stream, or null when the app has no such stream.</summary>
    public StreamSchema? GetSchema(string stream) => _streams.TryGetValue(stream, out var s) ? s.Schema : null;

    /// <summary>Creates a stream and registers it with the dynamic interface.</summary>
    protected InputStream<T> DefineStream<T>(StreamSchema schema, Func<object?[], T> fromRow, Func<T, object?[]> toRow)
    {
        var stream = new InputStream<T>(this, schema);
        TrackDeliveries(stream);
        _streams.Add(schema.Name, new DynamicStream<T>(stream, fromRow, toRow));
        return stream;
    }

    /// <summary>
    /// Creates a stream of one partition instance (its view of a stream, or an inner <c>#X</c> stream): a stream like
    /// any other, but not reachable by name through the dynamic interface.
    /// </summary>
    protected internal InputStream<T> DefineLocalStream<T>(StreamSchema schema)
    {
        var stream = new InputStream<T>(this, schema);
        TrackDeliveries(stream);
        return stream;
    }

    /// <summary>Creates the output of a query and registers it with the dynamic interface.</summary>
    protected QueryOutput<T> DefineQuery<T>(string name, StreamSchema schema, Func<T, object?[]> toRow)
    {
        var output = new QueryOutput<T>(name, schema);
        _queries.Add(name, new DynamicQuery<T>(output, toRow));
        return output;
    }

    /// <summary>
    /// Generated apps with <c>@app:playback(idle.time, increment)</c> call this: when the app owns its
    /// playback clock, a wall-clock heartbeat advances it while no events arrive. A clock given in the
    /// options is the caller's to move, so no heartbeat runs then.
    /// </summary>
    protected void UsePlaybackHeartbeat(long idleMilliseconds, long incrementMilliseconds)
    {
        if (Options.Clock is null && Clock is VirtualClock clock)
        {
            _heartbeat = new PlaybackHeartbeat(this, clock, idleMilliseconds, incrementMilliseconds, Options.TimeProvider);
            _components.Add(_heartbeat);
        }
    }

    private PlaybackHeartbeat? _heartbeat;

    /// <summary>Adds a sink, source or trigger that starts and stops with the app.</summary>
    protected void AddComponent(IAppComponent component) => _components.Add(component);

    /// <summary><see cref="AddComponent"/> for the runtime's own parts (a store table closes its connection on shutdown).</summary>
    internal void AddRuntimeComponent(IAppComponent component) => _components.Add(component);

    /// <summary>Generated apps start their own timers here (triggers, periodic rate limiters).</summary>
    protected virtual void OnStart()
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EnsureRunning(string stream)
    {
        if (_state != 1)
        {
            ThrowNotRunning(stream);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNotRunning(string stream) =>
        throw new InvalidOperationException(_state == 0
            ? $"App '{Name}' is not running: call Start() before sending to '{stream}'."
            : $"App '{Name}' was shut down: events sent to '{stream}' are rejected.");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void OnEventTime(long timestamp)
    {
        if (_playbackClock is { } playback)
        {
            playback.OnEventTime(timestamp);
        }
        else
        {
            Clock.OnEventTime(timestamp);
        }
    }

    /// <summary>
    /// Runs processing and reports an exception the way Siddhi does without <c>@OnError</c>: the error is
    /// logged with the event, and the event is dropped, so one bad event never stops the app.
    /// </summary>
    internal void RunGuarded(Action action)
    {
        var mark = DeliveryMark;
        try
        {
            action();
        }
        catch (Exception ex)
        {
            AbandonDeliveries(mark);
            OnProcessingError(ex);
        }
    }

    /// <summary>Called when processing an event throws; logs it by default.</summary>
    protected internal virtual void OnProcessingError(Exception exception)
    {
        ProcessingErrors++;
        Logger.LogError(exception, "Error processing an event in app '{App}'; the event was dropped.", Name);
    }

    /// <summary>How many events were dropped because processing them threw.</summary>
    public long ProcessingErrors { get; private set; }

    private DynamicStream GetStream(string stream) =>
        _streams.TryGetValue(stream, out var s)
            ? s
            : throw new ArgumentException($"Stream '{stream}' is not defined in app '{Name}'.", nameof(stream));
}

/// <summary>Something that starts and stops with an app: a sink, a source, a trigger.</summary>
public interface IAppComponent
{
    void Start();

    void Stop();
}

/// <summary>One event seen through the dynamic interface.</summary>
public readonly record struct DynamicEvent(long Timestamp, object?[] Data, bool IsExpired);

/// <summary>One output chunk of a query seen through the dynamic interface.</summary>
public sealed record QueryResult(long Timestamp, ImmutableArray<object?[]> Current, ImmutableArray<object?[]> Expired);

internal sealed class ConsoleLoggerFactory : ILoggerFactory
{
    public static readonly ConsoleLoggerFactory Instance = new();

    public ILogger CreateLogger(string categoryName) => new ConsoleLogger();

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class ConsoleLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => NullLogger.Instance.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = formatter(state, exception);
            var writer = logLevel >= LogLevel.Error ? Console.Error : Console.Out;
            writer.WriteLine(exception is null ? line : line + Environment.NewLine + exception);
        }
    }
}
