using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Binding;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes a partition: a class that routes the events of each partitioned stream to the instance of their key, and
/// the instance, one per key, with its own copy of the partition's query operators, its own view of every stream they
/// read and its own inner <c>#X</c> streams. The operators themselves are the ordinary generated query operators.
/// </summary>
/// <remarks>
/// As in Siddhi's PartitionStreamReceiver, consecutive events of one value key go to the instance as one chunk; a
/// range partition sends each event to every range it matches, one event at a time; a stream the partition reads
/// without partitioning it reaches every instance that exists. An event whose key is null is dropped.
/// </remarks>
internal static class PartitionEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    /// <summary>The app as the partition's queries see it: its streams and the partition's inner streams.</summary>
    public static AppSpec ViewOf(AppSpec app, PartitionSpec partition) =>
        app with { Streams = new EquatableArray<StreamSpec>(app.Streams.Concat(partition.InnerStreams).ToArray()) };

    /// <summary><c>partition_1</c> becomes <c>Partition1</c>, <c>@info(name='byStock')</c> <c>ByStockPartition</c>.</summary>
    public static string ClassName(PartitionSpec partition)
    {
        var segments = partition.Name.Split(new[] { '_', '-', '.', ' ' }, System.StringSplitOptions.RemoveEmptyEntries);
        var name = Identifiers.Pascal(string.Concat(segments.Select(x => char.ToUpperInvariant(x[0]) + x.Substring(1))));
        return name.EndsWith("Partition", System.StringComparison.Ordinal) || name.StartsWith("Partition", System.StringComparison.Ordinal) ? name : name + "Partition";
    }

    /// <summary>Constructor lines: the outputs of the partition's queries (shared by every instance), then the partition.</summary>
    public static void EmitConstruction(SourceWriter w, AppSpec app, PartitionSpec partition)
    {
        var view = ViewOf(app, partition);
        w.WriteLine();
        w.WriteLine($"// Partition '{partition.Name}': each key gets its own instance of the queries below.");
        foreach (var query in partition.Queries)
        {
            var output = TableEmitter.OutputOf(view, query);
            w.WriteLine($"{query.OperatorName}Output = DefineQuery<{output.EventTypeName}>({SourceWriter.StringLiteral(query.Name)}, {output.EventTypeName}.Schema, static e => e.ToRow());");
            if (!IsInner(output.Name))
            {
                w.WriteLine($"{query.OperatorName}Output.Target = {AppEmitter.OutputTarget(app, query, output)};");
            }
        }

        Persistence.AppStateEmitter.EmitPartitionRegistration(w, partition, ClassName(partition));
    }

    public static void Emit(SourceWriter w, AppSpec app, PartitionSpec partition)
    {
        var view = ViewOf(app, partition);
        var className = ClassName(partition);
        var read = StreamsRead(view, partition);
        var partitioned = partition.Keys.Select(k => k.StreamName).ToList();

        w.WriteComment(partition.Text);
        w.OpenBlock($"private sealed class {className} : {Persistence.StateEmitter.StatefulOperator}");
        w.WriteLine($"private readonly {app.ClassName} _app;");
        w.WriteLine("private readonly global::System.Collections.Generic.Dictionary<string, Instance> _instances = new();");
        w.WriteLine();
        w.OpenBlock($"public {className}({app.ClassName} app)");
        w.WriteLine("_app = app;");
        foreach (var stream in read.Where(s => !IsInner(s.Name)))
        {
            var router = partitioned.Contains(stream.Name) ? "Router" : "Broadcast";
            w.WriteLine($"app.{AppEmitter.StreamField(stream)}.AddReceiver(new {stream.PropertyName}{router}(this));");
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteSummary("The instance of a key, created when the key is first seen.");
        w.OpenBlock("private Instance InstanceOf(string key)");
        w.OpenBlock("if (!_instances.TryGetValue(key, out var instance))");
        w.WriteLine("instance = new Instance(_app);");
        w.WriteLine("_instances.Add(key, instance);");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("return instance;");
        w.CloseBlock();

        Persistence.AppStateEmitter.EmitPartitionState(w);
        EmitInstance(w, app, view, partition, read);
        foreach (var key in partition.Keys.Where(k => read.Any(s => s.Name == k.StreamName)))
        {
            w.WriteLine();
            var stream = app.Streams.First(s => s.Name == key.StreamName);
            if (key is ValuePartitionKeySpec value)
            {
                EmitValueRouter(w, className, stream, value);
            }
            else
            {
                EmitRangeRouter(w, className, stream, (RangePartitionKeySpec)key);
            }
        }

        foreach (var stream in read.Where(s => !IsInner(s.Name) && !partitioned.Contains(s.Name)))
        {
            w.WriteLine();
            EmitBroadcast(w, className, stream);
        }

        w.CloseBlock();
    }

    private static void EmitInstance(SourceWriter w, AppSpec app, AppSpec view, PartitionSpec partition, List<StreamSpec> read)
    {
        var local = read.Concat(partition.InnerStreams).Distinct().ToList();
        w.WriteLine();
        w.WriteSummary("One key's copy of the partition's queries, with its own view of the streams they read and its own inner streams.");
        w.OpenBlock($"private sealed class Instance : {Persistence.StateEmitter.StatefulOperator}");
        foreach (var stream in local)
        {
            w.WriteLine($"public readonly {Runtime}.InputStream<{stream.EventTypeName}> {stream.PropertyName};");
        }

        Persistence.AppStateEmitter.EmitInstanceState(w);

        w.WriteLine();
        w.OpenBlock($"public Instance({app.ClassName} app)");
        foreach (var stream in local)
        {
            w.WriteLine($"{stream.PropertyName} = app.DefineLocalStream<{stream.EventTypeName}>({stream.EventTypeName}.Schema);");
        }

        foreach (var query in partition.Queries)
        {
            var output = TableEmitter.OutputOf(view, query);
            var queryOutput = IsInner(output.Name)
                ? $"app.{query.OperatorName}Output.ForPartitionInstance({output.PropertyName})"
                : $"app.{query.OperatorName}Output";
            w.WriteLine($"// Query '{query.Name}': {AppEmitter.InputsOf(query)} -> {output.Name}");

            // The instance's own view of a stream it reads; a named window is shared by every instance.
            AppEmitter.EmitOperator(w, app, query, "app", queryOutput, stream =>
                local.FirstOrDefault(s => s.Name == stream) is { } own ? own.PropertyName : "app." + AppEmitter.StreamField(app.Streams.First(s => s.Name == stream)),
                Persistence.AppStateEmitter.InstanceOperators);
        }

        w.CloseBlock();
        w.CloseBlock();
    }

    private static void EmitValueRouter(SourceWriter w, string className, StreamSpec stream, ValuePartitionKeySpec key)
    {
        var e = new ExpressionEmitter("chunk[i].Data", "row", "state");
        w.WriteSummary($"Sends each event of '{stream.Name}' to its key's instance; consecutive events of one key go as one chunk.");
        w.OpenBlock($"private sealed class {stream.PropertyName}Router({className} partition) : {Runtime}.IStreamReceiver<{stream.EventTypeName}>");
        w.OpenBlock($"public void Receive(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{stream.EventTypeName}>> chunk)");
        w.WriteLine("var start = 0;");
        w.WriteLine("string? runKey = null;");
        w.OpenBlock("for (var i = 0; i < chunk.Length; i++)");
        w.WriteLine($"var key = {Runtime}.PartitionKey.Of({e.Emit(key.Key)});");
        w.OpenBlock("if (key != runKey)");
        w.WriteLine("Deliver(runKey, chunk.Slice(start, i - start));");
        w.WriteLine("start = i;");
        w.WriteLine("runKey = key;");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("Deliver(runKey, chunk.Slice(start));");
        w.CloseBlock();
        w.WriteLine();
        w.WriteSummary("Events without a key (a null value) are dropped, as in Siddhi.");
        w.OpenBlock($"private void Deliver(string? key, global::System.ReadOnlySpan<{Runtime}.StreamEvent<{stream.EventTypeName}>> run)");
        w.OpenBlock("if (key is not null && !run.IsEmpty)");
        w.WriteLine($"partition.InstanceOf(key).{stream.PropertyName}.Publish(run);");
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
    }

    private static void EmitRangeRouter(SourceWriter w, string className, StreamSpec stream, RangePartitionKeySpec key)
    {
        var e = new ExpressionEmitter("chunk[i].Data", "row", "state");
        w.WriteSummary($"Sends each event of '{stream.Name}' to the instance of every range it falls in, one event at a time.");
        w.OpenBlock($"private sealed class {stream.PropertyName}Router({className} partition) : {Runtime}.IStreamReceiver<{stream.EventTypeName}>");
        w.OpenBlock($"public void Receive(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{stream.EventTypeName}>> chunk)");
        w.OpenBlock("for (var i = 0; i < chunk.Length; i++)");
        foreach (var range in key.Ranges)
        {
            w.OpenBlock($"if ({e.Condition(range.Condition)})");
            w.WriteLine($"partition.InstanceOf({SourceWriter.StringLiteral(range.Label)}).{stream.PropertyName}.Publish(chunk.Slice(i, 1));");
            w.CloseBlock();
        }

        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
    }

    private static void EmitBroadcast(SourceWriter w, string className, StreamSpec stream)
    {
        w.WriteSummary($"'{stream.Name}' is read inside the partition without being partitioned: every existing instance gets its events.");
        w.OpenBlock($"private sealed class {stream.PropertyName}Broadcast({className} partition) : {Runtime}.IStreamReceiver<{stream.EventTypeName}>");
        w.OpenBlock($"public void Receive(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{stream.EventTypeName}>> chunk)");
        w.OpenBlock("foreach (var instance in partition._instances.Values)");
        w.WriteLine($"instance.{stream.PropertyName}.Publish(chunk);");
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>The streams the partition's queries read (tables and named windows are shared, not read per instance).</summary>
    private static List<StreamSpec> StreamsRead(AppSpec view, PartitionSpec partition)
    {
        var names = new List<string>();
        foreach (var query in partition.Queries)
        {
            if (query.State is { } state)
            {
                names.AddRange(state.Events.Select(e => e.StreamName));
            }
            else if (query.Join is { } join)
            {
                names.AddRange(new[] { join.Left, join.Right }.Where(side => !TableJoinEmitter.IsTableSide(query, side) && !side.IsNamedWindow).Select(side => side.StreamName));
            }
            else
            {
                names.Add(query.Input.StreamName);
            }
        }

        return names.Distinct().Select(name => view.Streams.First(s => s.Name == name)).ToList();
    }

    private static bool IsInner(string name) => name.Length > 1 && name[0] == '#';
}
