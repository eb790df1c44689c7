namespace SiddhiGen.Generator.Model;

/// <summary>
/// Everything the emitter needs to write one app: plain equatable data, no syntax nodes or Roslyn
/// symbols, so the incremental pipeline re-emits only when the app really changed.
/// </summary>
public sealed record AppSpec(
    string Name,
    string Namespace,
    string ClassName,
    string? Description,
    bool Playback,
    PlaybackHeartbeatSpec? Heartbeat,
    EquatableArray<StreamSpec> Streams,
    EquatableArray<NamedWindowSpec> Windows,
    EquatableArray<string> FaultRoutes,
    EquatableArray<QuerySpec> Queries,
    EquatableArray<ConnectorSpec> Connectors,
    EquatableArray<TableSpec> Tables = default,
    EquatableArray<AggregationSpec> Aggregations = default,
    EquatableArray<TriggerSpec> Triggers = default,
    EquatableArray<ScriptFunctionSpec> Functions = default,
    EquatableArray<PartitionSpec> Partitions = default,
    EquatableArray<AsyncStreamSpec> AsyncStreams = default);

/// <summary><c>@app:playback(idle.time, increment)</c>, in milliseconds.</summary>
public sealed record PlaybackHeartbeatSpec(long IdleMilliseconds, long IncrementMilliseconds);

/// <summary><c>@Async(buffer.size, workers, batch.size.max)</c> on a stream: its events are delivered by a worker thread.</summary>
public sealed record AsyncStreamSpec(string StreamName, int BufferSize, int BatchSizeMax);
