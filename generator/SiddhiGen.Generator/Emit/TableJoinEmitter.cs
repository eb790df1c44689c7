using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// The table parts of a stream-table join (the rest is <see cref="JoinEmitter"/>'s): the table side has no side
/// class and never triggers; each event of the stream side scans the table's rows (in insertion order), keeps
/// those that pass the table side's filters and the <c>on</c> condition, and an outer join pads an unmatched
/// stream event with an all-null row.
/// </summary>
internal static class TableJoinEmitter
{
    /// <summary>True when <paramref name="side"/> of the query's join is a table or an aggregation (a store: never a side class).</summary>
    public static bool IsTableSide(QuerySpec query, JoinSideSpec side) =>
        query.JoinStore is { Kind: StoreKind.Table or StoreKind.Aggregation } store && store.Side == side.Path;

    /// <summary>
    /// The rows the stream side's trigger scans: an in-memory table's rows, or what a store finds for the
    /// trigger (<c>ev</c>) with the table side's filters and the <c>on</c> condition pushed down.
    /// </summary>
    public static string Rows(AppSpec app, QuerySpec query, bool triggerIsLeft)
    {
        var field = TableEmitter.Field(query.JoinStore!.Store);
        if (!StoreTableEmitter.IsStore(app, query.JoinStore.Store))
        {
            return field + ".Rows";
        }

        return $"{field}.Find({(triggerIsLeft ? "new Joined(ev.Data, default)" : "new Joined(default, ev.Data)")}, _storeOn)";
    }

    /// <summary>The compiled lookup of a store table side (the rows found are still filtered in C#).</summary>
    public static void EmitStoreField(SourceWriter w, AppSpec app, QuerySpec query)
    {
        if (query.JoinStore is { Kind: StoreKind.Table } store && StoreTableEmitter.IsStore(app, store.Store))
        {
            w.WriteLine($"private readonly {AppEmitter.Runtime}.StoreCondition<{TableEmitter.Table(app, store.Store).Schema.EventTypeName}, Joined> _storeOn;");
        }
    }

    /// <summary>Compiles the table side's filters and the <c>on</c> condition to the store's SQL, in the operator's constructor.</summary>
    public static void EmitStoreConstruction(SourceWriter w, AppSpec app, QuerySpec query)
    {
        if (query.JoinStore is not { Kind: StoreKind.Table } store || !StoreTableEmitter.IsStore(app, store.Store))
        {
            return;
        }

        var join = query.Join!;
        var side = store.Side == join.Left.Path ? join.Left : join.Right;
        var prefix = side.Path + ".";
        string? Column(ExpressionSpec e) => e switch
        {
            AttributeRefSpec a when a.Source == RowSource.Input && a.PropertyName.StartsWith(prefix, System.StringComparison.Ordinal) => SqlConditionEmitter.Quote(a.Name),
            _ => StoreTableEmitter.StoreColumn(e),
        };
        var values = new ExpressionEmitter("joined", "row", "state") { Store = "match" };
        var sql = new SqlConditionEmitter(Column, values).Where(side.Filters.Concat(new[] { join.On }));
        w.WriteLine($"_storeOn = {StoreTableEmitter.Condition(TableEmitter.Table(app, store.Store).Schema.EventTypeName, "Joined", sql, null, "joined")};");
    }

    /// <summary>The filters written on the table side (<c>join T[cond]</c>), over the row <c>match</c>.</summary>
    public static void EmitRowFilters(SourceWriter w, JoinSideSpec side)
    {
        if (side.Filters.Count == 0)
        {
            return;
        }

        var e = new ExpressionEmitter("match", "row", "state") { Store = "match" };
        var conditions = side.Filters.Select(e.Condition).ToList();
        var all = conditions.Count == 1 ? conditions[0] : string.Join(" && ", conditions.Select(ExpressionEmitter.Parenthesize));
        w.WriteLine($"if (!{ExpressionEmitter.Parenthesize(all)}) continue;");
    }
}
