using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes an incremental aggregation (<c>define aggregation A from S ... every sec ... year</c>): its row struct (what
/// joins and on-demand queries read: <c>AGG_TIMESTAMP</c> and the selected attributes), and an operator class that
/// receives the input stream's events, typed, and turns each into its group key and base values (<c>sum</c>, a count,
/// <c>min</c>, <c>max</c>, distinct values, the latest value) for the runtime's <c>IncrementalAggregation</c>, which keeps
/// the buckets per granularity. The operator turns found buckets back into rows (<c>avg</c> is sum over count).
/// </summary>
internal static class AggregationEmitter
{
    private const string Runtime = AppEmitter.Runtime;
    private const string Aggregations = Runtime + ".Aggregations";

    /// <summary>The app's field holding the operator of <paramref name="aggregation"/> (also an operator's field reading it).</summary>
    public static string Field(AggregationSpec aggregation) => "_" + char.ToLowerInvariant(aggregation.OperatorName[0]) + aggregation.OperatorName.Substring(1);

    public static AggregationSpec Find(AppSpec app, string name) => app.Aggregations.First(a => a.Name == name);

    public static void EmitRowStructs(SourceWriter w, AppSpec app)
    {
        foreach (var aggregation in app.Aggregations)
        {
            AppEmitter.EmitEventStruct(w, aggregation.Schema);
            w.WriteLine();
        }
    }

    public static void EmitMembers(SourceWriter w, AppSpec app)
    {
        foreach (var aggregation in app.Aggregations)
        {
            w.WriteLine($"// Aggregation '{aggregation.Name}': joins and on-demand queries read its buckets.");
            w.WriteLine($"private readonly {aggregation.OperatorName} {Field(aggregation)};");
            w.WriteLine();
        }
    }

    /// <summary>Creates each aggregation and subscribes it to its input stream, in the app's constructor.</summary>
    public static void EmitConstruction(SourceWriter w, AppSpec app)
    {
        foreach (var aggregation in app.Aggregations)
        {
            var input = app.Streams.First(s => s.Name == aggregation.Input.StreamName);
            w.WriteLine();
            w.WriteComment(aggregation.Text);
            w.WriteLine($"{Field(aggregation)} = new {aggregation.OperatorName}(this);");
            w.WriteLine($"{AppEmitter.StreamField(input)}.AddReceiver({Field(aggregation)});");
            w.WriteLine($"AddComponent({Field(aggregation)}.Buckets);");
        }
    }

    /// <summary>Makes each aggregation readable by on-demand queries (<c>from A within ... per ...</c>).</summary>
    public static void EmitRegistrations(SourceWriter w, AppSpec app)
    {
        foreach (var aggregation in app.Aggregations)
        {
            w.WriteLine($"RegisterAggregation({SourceWriter.StringLiteral(aggregation.Name)}, {aggregation.Schema.EventTypeName}.Schema, within => {Field(aggregation)}.Find(within).ConvertAll(static row => row.ToRow()));");
        }
    }

    public static void Emit(SourceWriter w, AppSpec app, AggregationSpec aggregation)
    {
        var input = app.Streams.First(s => s.Name == aggregation.Input.StreamName);
        var e = input.EventTypeName;
        var row = aggregation.Schema.EventTypeName;
        var keyType = "Key";
        var bucketType = $"{Aggregations}.AggregationBucket<Key, Values>";
        w.WriteComment(aggregation.Text);
        w.OpenBlock($"private sealed class {aggregation.OperatorName} : {Runtime}.IStreamReceiver<{e}>");
        w.WriteLine($"private readonly global::System.Collections.Generic.List<{row}> _found = new();");
        var logs = aggregation.Input.PreWindowFilters.Any(f => f is LogSpec);
        if (logs)
        {
            w.WriteLine($"private readonly {Runtime}.StreamLogger _log;");
        }

        w.WriteLine();
        w.WriteLine("/// <summary>Arrival order of the events, which breaks ties between latest values of equal timestamps.</summary>");
        w.WriteLine("private long _sequence;");
        w.WriteLine();
        w.OpenBlock($"public {aggregation.OperatorName}({Runtime}.SiddhiApp app)");
        if (logs)
        {
            w.WriteLine($"_log = new {Runtime}.StreamLogger(app);");
        }

        var granularities = string.Join(", ", aggregation.Durations.Select(d => $"{Aggregations}.Granularity.{d}"));
        w.WriteLine($"Buckets = new({SourceWriter.StringLiteral(aggregation.Name)}, app.Clock, [{granularities}], {Purge(aggregation)}, eventTime: {(aggregation.Timestamp is null ? "false" : "true")});");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"public {Aggregations}.IncrementalAggregation<{keyType}, Values> Buckets {{ get; }}");
        w.WriteLine();

        EmitReceive(w, app, aggregation, e);
        w.WriteLine();
        w.WriteSummary("The rows of the buckets a read asks for (the list is reused by the next read).");
        w.OpenBlock($"public global::System.Collections.Generic.List<{row}> Find({Aggregations}.AggregationWithin within)");
        w.WriteLine("_found.Clear();");
        w.OpenBlock("foreach (var bucket in Buckets.Find(within))");
        w.WriteLine("_found.Add(ToRow(bucket));");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("return _found;");
        w.CloseBlock();
        w.WriteLine();
        EmitToRow(w, aggregation, row, bucketType);
        w.WriteLine();
        EmitKey(w, aggregation);
        w.WriteLine();
        EmitValues(w, aggregation, aggregation.Input.Function is null ? e : "Extended");
        if (aggregation.Input.Function is { } function)
        {
            w.WriteLine();
            w.WriteSummary($"An event after #{function.Name}: the stream's attributes, then the ones it adds.");
            w.WriteLine($"public readonly record struct Extended({string.Join(", ", function.Extended.Attributes.Select(a => $"{TypeNames.Nullable(a.Type)} {a.PropertyName}"))});");
        }

        w.CloseBlock();
    }

    private static void EmitReceive(SourceWriter w, AppSpec app, AggregationSpec aggregation, string e)
    {
        var original = new ExpressionEmitter("ev.Data", "row", "state");
        w.OpenBlock($"public void Receive(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{e}>> chunk)");
        w.OpenBlock("foreach (ref readonly var ev in chunk)");
        w.WriteLine($"if (ev.Kind != {Runtime}.EventKind.Current) continue;");

        // #log runs on the stream's event; filters after #pol2Cart read the extended event.
        var before = aggregation.Input.PreWindowFilters.Where(f => aggregation.Input.Function is null || f is LogSpec).ToList();
        var after = aggregation.Input.PreWindowFilters.Concat(aggregation.Input.PostWindowFilters).Except(before).ToList();
        EmitFilters(w, before.Select(original.Condition).ToList());
        var expressions = original;
        var data = "ev.Data";
        if (aggregation.Input.Function is { } function)
        {
            var input = app.Streams.First(s => s.Name == aggregation.Input.StreamName);
            var args = function.Arguments.Select(a => $"(double?){ExpressionEmitter.Parenthesize(original.Emit(a))}").ToList();
            w.WriteLine($"// #{function.Name}: the event gets its Cartesian coordinates (theta in degrees).");
            w.WriteLine($"var (x, y) = {Runtime}.SiddhiFunctions.PolarToCartesian({args[0]}, {args[1]});");
            var added = args.Count == 3 ? $"x, y, {args[2]}" : "x, y";
            w.WriteLine($"var data = new Extended({string.Join(", ", input.Attributes.Select(a => "ev.Data." + a.PropertyName))}, {added});");
            expressions = new ExpressionEmitter("data", "row", "state");
            data = "data";
        }

        EmitFilters(w, after.Select(expressions.Condition).ToList());
        w.WriteLine($"var timestamp = {Timestamp(aggregation, expressions)};");
        var key = string.Join(", ", aggregation.GroupBy.Select(expressions.Emit));
        w.WriteLine($"Buckets.Add(timestamp, new Key({key}), Values.Of(in {data}, timestamp, ++_sequence));");
        w.CloseBlock();
        w.CloseBlock();
    }

    private static void EmitFilters(SourceWriter w, List<string> filters)
    {
        if (filters.Count > 0)
        {
            var all = filters.Count == 1 ? filters[0] : string.Join(" && ", filters.Select(ExpressionEmitter.Parenthesize));
            w.WriteLine($"if (!{ExpressionEmitter.Parenthesize(all)}) continue;");
        }
    }

    /// <summary>The event time: the <c>aggregate by</c> attribute (epoch milliseconds or a date string), else the arrival time.</summary>
    private static string Timestamp(AggregationSpec aggregation, ExpressionEmitter expressions)
    {
        if (aggregation.Timestamp is not { } timestamp)
        {
            return "ev.Timestamp";
        }

        var value = expressions.Emit(timestamp);
        var message = SourceWriter.StringLiteral($"The 'aggregate by' attribute of aggregation '{aggregation.Name}' is null");
        return timestamp.Type == AttributeType.String
            ? $"{Aggregations}.AggregationTime.ParseTimestamp({value})"
            : $"{value} ?? throw new global::System.ArgumentException({message})";
    }

    private static void EmitToRow(SourceWriter w, AggregationSpec aggregation, string row, string bucketType)
    {
        w.WriteSummary("A bucket as a row: AGG_TIMESTAMP, then each selected attribute (avg is the sum over the count).");
        w.OpenBlock($"public static {row} ToRow({bucketType} bucket)");
        w.WriteLine("var v = bucket.Values;");
        w.WriteLine("return new(");
        var values = new List<string> { "bucket.Start" };
        for (var i = 0; i < aggregation.Attributes.Count; i++)
        {
            var attribute = aggregation.Attributes[i];
            values.Add(attribute.Kind switch
            {
                AggregationAttributeKind.GroupBy => "bucket.Key." + KeyProperty(aggregation, attribute.Expression!),
                AggregationAttributeKind.Latest => $"v.Latest{I(i)}",
                _ => attribute.Aggregator switch
                {
                    "avg" => $"v.Count{I(i)} == 0 ? null : v.Sum{I(i)} / v.Count{I(i)}",
                    "sum" => $"v.Sum{I(i)}",
                    "count" => $"v.Count{I(i)}",
                    "min" => $"v.Min{I(i)}",
                    "max" => $"v.Max{I(i)}",
                    _ => $"v.Distinct{I(i)}?.Count ?? 0L",
                },
            });
        }

        for (var i = 0; i < values.Count; i++)
        {
            w.WriteLine("    " + values[i] + (i == values.Count - 1 ? ");" : ","));
        }

        w.CloseBlock();
    }

    private static void EmitKey(SourceWriter w, AggregationSpec aggregation)
    {
        var parameters = string.Join(", ", aggregation.GroupBy.Select(g => $"{TypeNames.Nullable(g.Type)} {g.PropertyName}"));
        w.WriteSummary(aggregation.GroupBy.Count == 0 ? "The group of an event: one group (no group by)." : "The group of an event: its group-by attributes.");
        w.WriteLine($"public readonly record struct Key({parameters});");
    }

    private static void EmitValues(SourceWriter w, AggregationSpec aggregation, string e)
    {
        var expressions = new ExpressionEmitter("data", "row", "state");
        w.WriteSummary("The base values of one bucket of one group: what each selected aggregate needs, merged bucket into bucket.");
        w.OpenBlock($"public struct Values : {Aggregations}.IAggregationValues<Values>");
        var latest = false;
        for (var i = 0; i < aggregation.Attributes.Count; i++)
        {
            var attribute = aggregation.Attributes[i];
            var name = attribute.Attribute.Name;
            switch (attribute.Kind)
            {
                case AggregationAttributeKind.Latest:
                    w.WriteLine($"public {TypeNames.Nullable(attribute.Attribute.Type)} Latest{I(i)}; // {name}: the value of the latest event");
                    latest = true;
                    break;
                case AggregationAttributeKind.Incremental:
                    foreach (var field in Fields(attribute, i))
                    {
                        w.WriteLine($"public {field.Type} {field.Name}; // {name}");
                    }

                    break;
            }
        }

        if (latest)
        {
            w.WriteLine("public long LatestTimestamp; // the event time of the latest event");
            w.WriteLine("public long LatestSequence; // its arrival order (0: no event yet)");
        }

        w.WriteLine();
        w.WriteSummary("The values of one event.");
        w.OpenBlock($"public static Values Of(in {e} data, long timestamp, long sequence)");
        w.WriteLine("var values = new Values();");
        for (var i = 0; i < aggregation.Attributes.Count; i++)
        {
            var attribute = aggregation.Attributes[i];
            var argument = attribute.Expression is null ? null : expressions.Emit(attribute.Expression);
            if (attribute.Kind == AggregationAttributeKind.Latest)
            {
                w.WriteLine($"values.Latest{I(i)} = {argument};");
                continue;
            }

            if (attribute.Kind != AggregationAttributeKind.Incremental)
            {
                continue;
            }

            var sumType = attribute.Aggregator == "sum" ? TypeNames.Plain(attribute.Attribute.Type) : "double";
            switch (attribute.Aggregator)
            {
                case "count":
                    w.WriteLine($"values.Count{I(i)} = 1;");
                    break;
                case "sum":
                case "avg":
                    w.WriteLine($"values.Sum{I(i)} = ({sumType}?){argument};");
                    if (attribute.Aggregator == "avg")
                    {
                        w.WriteLine($"values.Count{I(i)} = {argument} is null ? 0 : 1;");
                    }

                    break;
                case "min":
                    w.WriteLine($"values.Min{I(i)} = {argument};");
                    break;
                case "max":
                    w.WriteLine($"values.Max{I(i)} = {argument};");
                    break;
                default:
                    w.WriteLine($"values.Distinct{I(i)} = {Aggregations}.DistinctValues.Of({argument});");
                    break;
            }
        }

        if (latest)
        {
            w.WriteLine("values.LatestTimestamp = timestamp;");
            w.WriteLine("values.LatestSequence = sequence;");
        }

        w.WriteLine("return values;");
        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock("public void Merge(in Values later)");
        for (var i = 0; i < aggregation.Attributes.Count; i++)
        {
            var attribute = aggregation.Attributes[i];
            if (attribute.Kind != AggregationAttributeKind.Incremental)
            {
                continue;
            }

            switch (attribute.Aggregator)
            {
                case "count":
                    w.WriteLine($"Count{I(i)} += later.Count{I(i)};");
                    break;
                case "sum":
                case "avg":
                    w.WriteLine($"Sum{I(i)} = Sum{I(i)} is null ? later.Sum{I(i)} : later.Sum{I(i)} is null ? Sum{I(i)} : Sum{I(i)} + later.Sum{I(i)};");
                    if (attribute.Aggregator == "avg")
                    {
                        w.WriteLine($"Count{I(i)} += later.Count{I(i)};");
                    }

                    break;
                case "min":
                    w.WriteLine($"if (later.Min{I(i)} is not null && (Min{I(i)} is null || later.Min{I(i)} < Min{I(i)})) Min{I(i)} = later.Min{I(i)};");
                    break;
                case "max":
                    w.WriteLine($"if (later.Max{I(i)} is not null && (Max{I(i)} is null || later.Max{I(i)} > Max{I(i)})) Max{I(i)} = later.Max{I(i)};");
                    break;
                default:
                    w.WriteLine($"Distinct{I(i)} = {Aggregations}.DistinctValues.Union(Distinct{I(i)}, later.Distinct{I(i)});");
                    break;
            }
        }

        if (latest)
        {
            w.WriteLine();
            w.WriteLine("// The latest event wins: the greater event time, and of equal times the later arrival (Siddhi's '>=').");
            w.OpenBlock("if (later.LatestSequence != 0 && (LatestSequence == 0 || later.LatestTimestamp > LatestTimestamp || (later.LatestTimestamp == LatestTimestamp && later.LatestSequence > LatestSequence)))");
            for (var i = 0; i < aggregation.Attributes.Count; i++)
            {
                if (aggregation.Attributes[i].Kind == AggregationAttributeKind.Latest)
                {
                    w.WriteLine($"Latest{I(i)} = later.Latest{I(i)};");
                }
            }

            w.WriteLine("LatestTimestamp = later.LatestTimestamp;");
            w.WriteLine("LatestSequence = later.LatestSequence;");
            w.CloseBlock();
        }

        w.CloseBlock();
        w.CloseBlock();
    }

    private static IEnumerable<(string Type, string Name)> Fields(AggregationAttributeSpec attribute, int i)
    {
        switch (attribute.Aggregator)
        {
            case "count":
                yield return ("long", "Count" + I(i));
                break;
            case "sum":
                yield return (TypeNames.Nullable(attribute.Attribute.Type), "Sum" + I(i));
                break;
            case "avg":
                yield return ("double?", "Sum" + I(i));
                yield return ("long", "Count" + I(i));
                break;
            case "min":
                yield return (TypeNames.Nullable(attribute.Attribute.Type), "Min" + I(i));
                break;
            case "max":
                yield return (TypeNames.Nullable(attribute.Attribute.Type), "Max" + I(i));
                break;
            default:
                yield return ($"{Aggregations}.DistinctValues?", "Distinct" + I(i));
                break;
        }
    }

    /// <summary>The <c>AggregationPurge</c> of <c>@purge</c>, or null when nothing is ever purged.</summary>
    private static string Purge(AggregationSpec aggregation)
    {
        var retained = aggregation.Purge.Retention.Where(r => r.Milliseconds is not null).ToList();
        if (!aggregation.Purge.Enabled || retained.Count == 0)
        {
            return "purge: null";
        }

        var entries = string.Join(", ", retained.Select(r => $"[{Aggregations}.Granularity.{r.Duration}] = {I(r.Milliseconds!.Value)}L"));
        return $"purge: new({I(aggregation.Purge.IntervalMilliseconds)}L, new global::System.Collections.Generic.Dictionary<{Aggregations}.Granularity, long> {{ {entries} }})";
    }

    private static string KeyProperty(AggregationSpec aggregation, ExpressionSpec expression) =>
        ((AttributeRefSpec)expression).PropertyName;

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
