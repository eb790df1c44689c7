using System.Linq;
using System.Text;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit.Persistence;

/// <summary>
/// Writes how an app registers its state for snapshots: every query operator, named window, table, trigger and
/// partition under a stable name, and a declaration for each construct whose state has no snapshot form yet (pattern
/// queries, incremental aggregations), so that a snapshot of such an app fails naming it instead of saving part.
/// </summary>
internal static class AppStateEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    /// <summary>The list a partition instance keeps its operators' state in.</summary>
    public const string InstanceOperators = "Operators";

    /// <summary>A hash of the app text (FNV-1a, 64 bits, line endings normalised): the app version a snapshot belongs to.</summary>
    public static string TextHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text.Replace("\r\n", "\n"))
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A name made safe as part of a C# identifier.</summary>
    public static string Identifier(string name)
    {
        var b = new StringBuilder();
        foreach (var c in name)
        {
            b.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return b.ToString();
    }

    /// <summary>Registers a query's operator: with the app, or in its partition instance's list.</summary>
    public static void EmitRegistration(SourceWriter w, QuerySpec query, string variable, string? stateList)
    {
        if (query.State is not null)
        {
            // Pattern operators declare their state once their state machine has a snapshot form.
            if (stateList is null)
            {
                w.WriteLine($"DeclareStateUnsupported({SourceWriter.StringLiteral("pattern query '" + query.Name + "'")});");
            }

            return;
        }

        w.WriteLine(stateList is null
            ? $"RegisterState({SourceWriter.StringLiteral("query '" + query.Name + "'")}, {variable});"
            : $"{stateList}.Add({variable});");
    }

    /// <summary>
    /// Each in-memory table's rows, through its row codec. A store table (<c>@store</c>) is left out: its rows
    /// live in the database, which outlives the app, so a restore must not write them back.
    /// </summary>
    public static void EmitTables(SourceWriter w, AppSpec app)
    {
        foreach (var table in app.Tables.Where(t => t.Store is null))
        {
            var row = table.Schema.EventTypeName;
            w.WriteLine($"RegisterState({SourceWriter.StringLiteral("table '" + table.Name + "'")}, new {Runtime}.PartState<{row}>({TableEmitter.Field(table.Name)}, {StateEmitter.Codec(row)}));");
        }
    }

    /// <summary>Constructs whose state has no snapshot form yet.</summary>
    public static void EmitUnsupported(SourceWriter w, AppSpec app)
    {
        foreach (var aggregation in app.Aggregations)
        {
            w.WriteLine($"DeclareStateUnsupported({SourceWriter.StringLiteral("aggregation '" + aggregation.Name + "'")});");
        }
    }

    /// <summary>Creates the partition and registers it (its instances, each with its operators' state).</summary>
    public static void EmitPartitionRegistration(SourceWriter w, PartitionSpec partition, string className)
    {
        w.WriteLine($"RegisterState({SourceWriter.StringLiteral("partition '" + partition.Name + "'")}, new {className}(this));");
        foreach (var query in partition.Queries.Where(q => q.State is not null))
        {
            w.WriteLine($"DeclareStateUnsupported({SourceWriter.StringLiteral("pattern query '" + query.Name + "' in partition '" + partition.Name + "'")});");
        }
    }

    /// <summary>The partition's state: each key's instance, in the order the keys were first seen.</summary>
    public static void EmitPartitionState(SourceWriter w)
    {
        w.WriteLine();
        w.WriteLine("// Snapshot: every key's instance, each with its queries' state.");
        w.OpenBlock($"public void WriteState({Runtime}.StateWriter writer)");
        w.WriteLine("writer.WriteCount(_instances.Count);");
        w.OpenBlock("foreach (var (key, instance) in _instances)");
        w.WriteLine("writer.WriteString(key);");
        w.WriteLine("instance.WriteState(writer);");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock($"public void ReadState({Runtime}.StateReader reader)");
        w.WriteLine("_instances.Clear();");
        w.OpenBlock("for (int i = 0, count = reader.ReadCount(); i < count; i++)");
        w.WriteLine($"var key = reader.ReadString() ?? throw new {Runtime}.SnapshotException(\"The snapshot is corrupt: a partition key is null.\");");
        w.WriteLine("InstanceOf(key).ReadState(reader);");
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>A partition instance's state: its operators in construction order.</summary>
    public static void EmitInstanceState(SourceWriter w)
    {
        w.WriteLine();
        w.WriteLine($"public readonly global::System.Collections.Generic.List<{StateEmitter.StatefulOperator}> {InstanceOperators} = new();");
        w.WriteLine();
        w.OpenBlock($"public void WriteState({Runtime}.StateWriter writer)");
        w.WriteLine($"foreach (var part in {InstanceOperators}) part.WriteState(writer);");
        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock($"public void ReadState({Runtime}.StateReader reader)");
        w.WriteLine($"foreach (var part in {InstanceOperators}) part.ReadState(reader);");
        w.CloseBlock();
    }
}
