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

    /// <summary>The rows the stream side's trigger scans.</summary>
    public static string Rows(QuerySpec query) => TableEmitter.Field(query.JoinStore!.Store) + ".Rows";

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
