using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Chooses the runtime output rate limiter for <c>output ... every ...</c> and writes its construction.
/// Grouped limiters read the group key from the output row through a small accessor struct.
/// </summary>
internal static class RateLimitEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    public sealed record LimiterCode(string TypeName, string Construction, bool UsesTimers, IReadOnlyList<string> HelperLines);

    /// <summary>
    /// The limiter for the query, or null when its group key cannot be read from the output row (the binder
    /// rejects those before emission).
    /// </summary>
    public static LimiterCode? Build(QuerySpec query, StreamSpec output)
    {
        var rate = query.Rate!;
        var o = output.EventTypeName;
        var helpers = new List<string>();
        var grouped = query.Selector.GroupBy.Count > 0;
        if (rate.Kind == RateLimitKind.Snapshot)
        {
            return Snapshot(query, output, helpers);
        }

        string? key = null;
        if (grouped && rate.Kind is RateLimitKind.First or RateLimitKind.Last)
        {
            key = KeyAccessor(query, output, helpers);
            if (key is null)
            {
                return null;
            }
        }

        var generic = key is null ? $"<{o}>" : $"<{o}, {key}, RateKey>";
        var value = AppEmitter.Int(rate.Value);
        if (!rate.IsTimeBased)
        {
            var type = rate.Kind switch
            {
                RateLimitKind.First => key is null ? "FirstPerEventRateLimiter" : "FirstGroupByPerEventRateLimiter",
                RateLimitKind.Last => key is null ? "LastPerEventRateLimiter" : "LastGroupByPerEventRateLimiter",
                _ => "AllPerEventRateLimiter",
            };
            return new($"{Runtime}.{type}{(type.StartsWith("All") ? $"<{o}>" : generic)}", $"output, {value}", false, helpers);
        }

        return rate.Kind switch
        {
            RateLimitKind.First => new($"{Runtime}.{(key is null ? "FirstPerTimeRateLimiter" : "FirstGroupByPerTimeRateLimiter")}{generic}", $"output, app.Clock, {value}L", false, helpers),
            RateLimitKind.Last => new($"{Runtime}.{(key is null ? "LastPerTimeRateLimiter" : "LastGroupByPerTimeRateLimiter")}{generic}", $"output, app.Clock, this, {value}L", true, helpers),
            _ => new($"{Runtime}.AllPerTimeRateLimiter<{o}>", $"output, app.Clock, this, {value}L", true, helpers),
        };
    }

    /// <summary>
    /// <c>output snapshot every t</c>: Siddhi picks the limiter from whether the input is windowed (a window
    /// on the stream, or a join), whether it groups, and whether all, some or none of the selected
    /// attributes are bare aggregates.
    /// </summary>
    private static LimiterCode? Snapshot(QuerySpec query, StreamSpec output, List<string> helpers)
    {
        var o = output.EventTypeName;
        var construction = $"output, app.Clock, this, {AppEmitter.Int(query.Rate!.Value)}L";
        var windowed = query.Input.Window is not null || query.Join is not null;
        var grouped = query.Selector.GroupBy.Count > 0;
        var aggregates = query.Selector.Projections.Where(p => p.Expression is AggregateRefSpec).Select(p => p.Attribute.Name).ToList();
        var all = aggregates.Count == query.Selector.Projections.Count;
        string? key = null;
        if (grouped && (windowed ? aggregates.Count > 0 : true))
        {
            key = KeyAccessor(query, output, helpers);
            if (key is null)
            {
                return null;
            }
        }

        string type;
        if (!windowed)
        {
            type = grouped ? $"GroupByPerSnapshotRateLimiter<{o}, {key}, RateKey>" : $"PerSnapshotRateLimiter<{o}>";
        }
        else if (aggregates.Count == 0)
        {
            helpers.AddRange(RowMatcher(output, skip: aggregates, withAggregates: false));
            type = $"WindowedPerSnapshotRateLimiter<{o}, SnapshotRow>";
        }
        else if (all)
        {
            type = grouped ? $"AllAggregationGroupByWindowedPerSnapshotRateLimiter<{o}, {key}, RateKey>" : $"AllAggregationPerSnapshotRateLimiter<{o}>";
        }
        else
        {
            helpers.AddRange(RowMatcher(output, skip: aggregates, withAggregates: true));
            type = grouped
                ? $"AggregationGroupByWindowedPerSnapshotRateLimiter<{o}, {key}, RateKey, SnapshotRow>"
                : $"AggregationWindowedPerSnapshotRateLimiter<{o}, SnapshotRow>";
        }

        return new($"{Runtime}.{type}", construction, true, helpers);
    }

    /// <summary>
    /// Matches a retained row with the row of an expired event by every attribute but the aggregates
    /// (Java equality: null equals null), and copies the latest aggregates into retained rows.
    /// </summary>
    private static IEnumerable<string> RowMatcher(StreamSpec output, List<string> skip, bool withAggregates)
    {
        var o = output.EventTypeName;
        var compared = output.Attributes.Where(a => !skip.Contains(a.Name)).ToList();
        var contract = withAggregates ? "ISnapshotAggregates" : "ISnapshotRowMatcher";
        yield return "// Which retained row an expired row takes back out of the snapshot.";
        yield return $"private readonly struct SnapshotRow : {Runtime}.{contract}<{o}>";
        yield return "{";
        var equal = compared.Count == 0
            ? "true"
            : string.Join(" && ", compared.Select(a => $"global::System.Collections.Generic.EqualityComparer<{TypeNames.Nullable(a.Type)}>.Default.Equals(retained.{a.PropertyName}, expired.{a.PropertyName})"));
        yield return $"    public static bool Matches(in {o} retained, in {o} expired) =>";
        yield return $"        {equal};";
        if (withAggregates)
        {
            var copies = string.Join(", ", output.Attributes.Where(a => skip.Contains(a.Name)).Select(a => $"{a.PropertyName} = aggregates.{a.PropertyName}"));
            yield return string.Empty;
            yield return $"    public static {o} WithAggregatesOf(in {o} row, in {o} aggregates) => row with {{ {copies} }};";
        }

        yield return "}";
    }

    /// <summary>The group key read from the output row: each group-by attribute must be selected as it is.</summary>
    private static string? KeyAccessor(QuerySpec query, StreamSpec output, List<string> helpers)
    {
        var properties = new List<(string Property, AttributeType Type)>();
        foreach (var key in query.Selector.GroupBy)
        {
            var projection = query.Selector.Projections.FirstOrDefault(p => p.Expression is AttributeRefSpec a && a.PropertyName == key.PropertyName);
            if (projection is null)
            {
                return null;
            }

            var attribute = output.Attributes.First(a => a.Name == projection.Attribute.Name);
            properties.Add((attribute.PropertyName, attribute.Type));
        }

        var keyType = "global::System.ValueTuple<" + string.Join(", ", properties.Select(p => TypeNames.Nullable(p.Type))) + ">";
        helpers.Add("// The group a row belongs to, read from the row itself.");
        helpers.Add($"private readonly struct RateKey : {Runtime}.IAttributeAccessor<{output.EventTypeName}, {keyType}>, {Runtime}.IStateCodec<{keyType}>");
        helpers.Add("{");
        helpers.Add($"    public static {keyType} Get(in {output.EventTypeName} e) => new({string.Join(", ", properties.Select(p => "e." + p.Property))});");
        helpers.Add(string.Empty);
        helpers.Add("    // Snapshot: a key kept without its row.");
        helpers.Add($"    public void Write({Runtime}.StateWriter writer, in {keyType} value)");
        helpers.Add("    {");
        helpers.AddRange(properties.Select((p, i) => "        " + Persistence.StateEmitter.Write(p.Type, "value.Item" + AppEmitter.Int(i + 1))));
        helpers.Add("    }");
        helpers.Add(string.Empty);
        helpers.Add($"    public {keyType} Read({Runtime}.StateReader reader) => new({string.Join(", ", properties.Select(p => Persistence.StateEmitter.Read(p.Type)))});");
        helpers.Add("}");
        return keyType;
    }
}
