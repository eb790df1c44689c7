using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// The app's tables, aggregations and script functions, and the inner (<c>#X</c>) streams of the partition
/// being bound. Tables and aggregations are also in <see cref="OtherDefinitions"/> under their kind.
/// </summary>
internal sealed partial class AppSymbols
{
    /// <summary>Tables by name.</summary>
    public Dictionary<string, StoreEntry> Tables { get; } = new();

    /// <summary>Aggregations by name.</summary>
    public Dictionary<string, StoreEntry> Aggregations { get; } = new();

    /// <summary>Script functions (<c>define function</c>) by name.</summary>
    public Dictionary<string, ScriptFunctionSpec> ScriptFunctions { get; } = new();

    /// <summary>The partition whose queries are being bound, or null outside partitions.</summary>
    public PartitionSyntax? CurrentPartition { get; private set; }

    /// <summary>The table or aggregation called <paramref name="name"/>, or null.</summary>
    public StoreEntry? FindStore(string name) =>
        Tables.TryGetValue(name, out var table) ? table : Aggregations.TryGetValue(name, out var aggregation) ? aggregation : null;

    /// <summary>The schema of a table or aggregation row: a stream spec that is not one of the app's streams.</summary>
    public StreamSpec DefineStoreSchema(string name, IReadOnlyList<AttributeSpec> attributes)
    {
        var pascal = Identifiers.Pascal(name);
        return new StreamSpec(
            name,
            Identifiers.Unique(pascal + "Row", UsedTypeNames),
            Identifiers.Unique(pascal, UsedMemberNames),
            new EquatableArray<AttributeSpec>(attributes),
            IsInferred: false,
            IsQueryTarget: false,
            DefinitionText: null);
    }

    /// <summary>Starts binding the queries of <paramref name="partition"/>: inner streams are visible until <see cref="EndPartition"/>.</summary>
    public void BeginPartition(PartitionSyntax partition) => CurrentPartition = partition;

    /// <summary>Ends the current partition and returns its inner streams, which are no longer visible.</summary>
    public List<StreamSpec> EndPartition()
    {
        var inner = StreamOrder.Where(IsInnerName).ToList();
        var specs = inner.Select(name => Streams[name].Spec with { IsQueryTarget = Streams[name].IsQueryTarget }).ToList();
        foreach (var name in inner)
        {
            Streams.Remove(name);
            StreamOrder.Remove(name);
        }

        Unresolved.RemoveWhere(IsInnerName);
        CurrentPartition = null;
        return specs;
    }

    /// <summary><c>#X</c> read by a query: an inner stream some earlier query of the same partition inserted into.</summary>
    public StreamSpec? ResolveInnerStream(BindingContext context, SourceSyntax source)
    {
        var name = source.Name.Text;
        if (CurrentPartition is null)
        {
            context.Report(Diagnostics.DiagnosticDescriptors.InnerStreamOutsidePartition, source.Span, name);
            return null;
        }

        if (Streams.TryGetValue("#" + name, out var inner))
        {
            return inner.Spec;
        }

        if (!Unresolved.Contains("#" + name))
        {
            context.Report(Diagnostics.DiagnosticDescriptors.UndefinedInnerStream, source.Span, name);
        }

        return null;
    }

    /// <summary>"a table", "an aggregation", ... for messages.</summary>
    public static string WithArticle(string kind) => (kind.Length > 0 && "aeiou".IndexOf(kind[0]) >= 0 ? "an " : "a ") + kind;

    /// <summary>Inner streams are kept under <c>#X</c> while their partition is bound.</summary>
    public static bool IsInnerName(string name) => name.Length > 1 && name[0] == '#';
}

/// <summary>A table or an aggregation: the rows a join, an <c>in</c> condition or an on-demand query reads.</summary>
internal sealed class StoreEntry
{
    public StoreEntry(StoreKind kind, StreamSpec schema, IReadOnlyList<AggregationDuration>? durations = null)
    {
        Kind = kind;
        Schema = schema;
        Durations = durations ?? new List<AggregationDuration>();
    }

    public StoreKind Kind { get; }

    /// <summary>True for a table kept in a store (<c>@store</c>) rather than in memory.</summary>
    public bool IsStore { get; set; }

    /// <summary>The row: a table's attributes, or an aggregation's <c>AGG_TIMESTAMP</c> and selected attributes.</summary>
    public StreamSpec Schema { get; }

    /// <summary>An aggregation's granularities (empty for a table).</summary>
    public IReadOnlyList<AggregationDuration> Durations { get; }

    public string KindName => Kind switch { StoreKind.Table => "table", StoreKind.Window => "window", _ => "aggregation" };
}
