using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// The aggregation parts of a join with an aggregation (<c>from S join A on ... within ... per ...</c>; the rest is
/// <see cref="JoinEmitter"/>'s, as for a table): each event of the stream side reads the buckets its <c>within</c> and
/// <c>per</c> select (which may read the event's attributes), as rows of the aggregation, and matches them.
/// </summary>
internal static class AggregationJoinEmitter
{
    private const string Aggregations = AppEmitter.Runtime + ".Aggregations";

    public static bool Applies(QuerySpec query) => query.JoinStore is { Kind: StoreKind.Aggregation };

    public static void EmitOperatorFields(SourceWriter w, AppSpec app, QuerySpec query)
    {
        if (!Applies(query))
        {
            return;
        }

        var aggregation = AggregationEmitter.Find(app, query.JoinStore!.Store);
        w.WriteLine($"private readonly {aggregation.OperatorName} {AggregationEmitter.Field(aggregation)};");
        if (IsConstant(query.JoinStore.Within!))
        {
            w.WriteLine($"private {Aggregations}.AggregationWithin? _within;");
        }
    }

    public static void EmitOperatorConstruction(SourceWriter w, AppSpec app, QuerySpec query)
    {
        if (Applies(query))
        {
            var field = AggregationEmitter.Field(AggregationEmitter.Find(app, query.JoinStore!.Store));
            w.WriteLine($"{field} = (({app.ClassName})app).{field};");
        }
    }

    /// <summary>
    /// Opens the loop over the rows the trigger <c>ev</c> finds; <paramref name="isLeft"/> says which side of
    /// <c>Joined</c> the trigger fills, so <c>within</c> and <c>per</c> can read its attributes.
    /// </summary>
    public static void OpenRowLoop(SourceWriter w, AppSpec app, QuerySpec query, bool isLeft)
    {
        var store = query.JoinStore!;
        var within = store.Within!;
        var field = AggregationEmitter.Field(AggregationEmitter.Find(app, store.Store));
        var reading = Within(within, new ExpressionEmitter("probe", "row", "state"));
        if (IsConstant(within))
        {
            w.WriteLine($"// A constant 'within ... per ...' is read once.");
            w.WriteLine($"var within = _within ??= {reading};");
        }
        else
        {
            w.WriteLine("// 'within ... per ...' reads the triggering event.");
            w.WriteLine(isLeft ? "var probe = new Joined(ev.Data, default);" : "var probe = new Joined(default, ev.Data);");
            w.WriteLine($"var within = {reading};");
        }

        w.OpenBlock($"foreach (ref readonly var match in global::System.Runtime.InteropServices.CollectionsMarshal.AsSpan({field}.Find(within)))");
    }

    private static string Within(AggregationWithinSpec within, ExpressionEmitter e) => within.End is null
        ? $"{Aggregations}.AggregationWithin.Of({e.Emit(within.Start)}, {e.Emit(within.Per)})"
        : $"{Aggregations}.AggregationWithin.Of((object?){e.Emit(within.Start)}, (object?){e.Emit(within.End)}, {e.Emit(within.Per)})";

    private static bool IsConstant(AggregationWithinSpec within) =>
        within.Start is ConstantSpec && within.End is null or ConstantSpec && within.Per is ConstantSpec;
}
