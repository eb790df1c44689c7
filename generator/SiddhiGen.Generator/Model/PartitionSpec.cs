namespace SiddhiGen.Generator.Model;

/// <summary>How the events of one stream are split into partition keys: <see cref="ValuePartitionKeySpec"/> or <see cref="RangePartitionKeySpec"/>.</summary>
public abstract record PartitionKeySpec(string StreamName);

/// <summary><c>expr of S</c>: the key is the string value of <see cref="Key"/>; a null key drops the event.</summary>
public sealed record ValuePartitionKeySpec(string StreamName, ExpressionSpec Key) : PartitionKeySpec(StreamName);

/// <summary><c>c1 as 'a' or c2 as 'b' of S</c>: the event goes to every range whose condition holds.</summary>
public sealed record RangePartitionKeySpec(string StreamName, EquatableArray<RangePartitionSpec> Ranges) : PartitionKeySpec(StreamName);

/// <summary>One <c>cond as 'label'</c> of a range partition.</summary>
public sealed record RangePartitionSpec(string Label, ExpressionSpec Condition);

/// <summary><c>@purge(enable, interval, idle.period)</c>: per-key state idle for <see cref="IdlePeriodMilliseconds"/> is removed, checked every <see cref="IntervalMilliseconds"/>.</summary>
public sealed record PartitionPurgeSpec(bool Enabled, long IntervalMilliseconds, long IdlePeriodMilliseconds);

/// <summary>
/// <c>partition with (key of S, ...) begin q1; q2; end</c>: every key gets its own instance of the queries'
/// state. <see cref="InnerStreams"/> are the <c>#X</c> streams local to each instance; streams not listed in
/// <see cref="Keys"/> reach all instances.
/// </summary>
public sealed record PartitionSpec(
    string Name,
    string Text,
    EquatableArray<PartitionKeySpec> Keys,
    EquatableArray<StreamSpec> InnerStreams,
    EquatableArray<QuerySpec> Queries,
    PartitionPurgeSpec? Purge);
