using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// <see cref="TableActionEmitter"/> for a <c>@store</c> table: the receiver hands the whole chunk of output rows to
/// the store in one call (one transaction), with the <c>on</c> condition and the <c>set</c> list compiled to
/// parameterized SQL once, in its constructor; the same condition and values in C# back the parts SQL cannot express.
/// </summary>
internal static class StoreTableActionEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    public static void Emit(SourceWriter w, AppSpec app, QuerySpec query, bool usesClock, bool usesLog)
    {
        var output = TableEmitter.OutputOf(app, query).EventTypeName;
        var tableName = TableEmitter.TargetTable(query)!;
        var row = TableEmitter.Table(app, tableName).Schema.EventTypeName;
        var field = TableEmitter.Field(tableName);
        var e = new ExpressionEmitter("ev.Data", "row", "state") { Store = "store" };
        var (on, set) = query.Output.Action switch
        {
            DeleteSpec delete => (delete.On, null),
            UpdateSpec update => (update.On, update.Set),
            UpdateOrInsertSpec upsert => (upsert.On, upsert.Set),
            _ => ((ExpressionSpec?)null, (EquatableArray<SetAssignmentSpec>?)null),
        };

        w.WriteLine($"// The output of query '{query.Name}' changes store table '{tableName}', a chunk in one transaction.");
        w.OpenBlock($"private sealed class {TableActionEmitter.ClassName(query)} : {Runtime}.IStreamReceiver<{output}>");
        TableEmitter.EmitOperatorFields(w, app, query);
        w.WriteLine($"private readonly global::System.Collections.Generic.List<{output}> _rows = new();");
        if (on is not null)
        {
            w.WriteLine($"private readonly {Runtime}.StoreCondition<{row}, {output}> _on;");
        }

        if (set is not null)
        {
            w.WriteLine($"private readonly {Runtime}.StoreUpdate<{row}, {output}> _set;");
        }

        if (usesClock)
        {
            w.WriteLine($"private readonly {Runtime}.AppClock _clock;");
        }

        if (usesLog)
        {
            w.WriteLine($"private readonly {Runtime}.StreamLogger _log;");
        }

        w.WriteLine();
        w.OpenBlock($"public {TableActionEmitter.ClassName(query)}({app.ClassName} app)");
        TableEmitter.EmitOperatorConstruction(w, app, query);
        if (usesClock)
        {
            w.WriteLine("_clock = app.Clock;");
        }

        if (usesLog)
        {
            w.WriteLine($"_log = new {Runtime}.StreamLogger(app);");
        }

        if (on is not null)
        {
            var sql = new SqlConditionEmitter(StoreTableEmitter.StoreColumn, e).Where(new[] { on });
            w.WriteLine($"_on = {StoreTableEmitter.Condition(row, output, sql, TableActionEmitter.Predicate(e, on), "row")};");
        }

        if (set is not null)
        {
            w.WriteLine($"_set = {Update(e, row, output, set.Value)};");
        }

        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock($"public void Receive(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{output}>> chunk)");
        w.WriteLine("_rows.Clear();");
        w.OpenBlock("foreach (var ev in chunk)");
        w.WriteLine("_rows.Add(ev.Data);");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("var rows = global::System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_rows);");
        w.WriteLine(query.Output.Action switch
        {
            InsertIntoTableSpec => $"{field}.Insert(rows);",
            DeleteSpec => $"{field}.Delete(rows, {(on is null ? "null" : "_on")});",
            UpdateSpec => $"{field}.Update(rows, _on, _set);",
            _ => $"{field}.UpdateOrInsert(rows, _on, _set, static row => row);",
        });
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>
    /// The <c>set</c> list as SQL (<c>"col" = value, ...</c>) when every value translates and keeps its type, else
    /// null; and the C# updater either way.
    /// </summary>
    private static string Update(ExpressionEmitter e, string row, string output, EquatableArray<SetAssignmentSpec> set)
    {
        var values = new SqlConditionEmitter(StoreTableEmitter.StoreColumn, e, "s");
        string? sql = null;
        if (set.Count > 0)
        {
            // A value that reads no store attribute is a parameter converted in C# to the column's type.
            var assignments = set.Select(s => (s.Target, Sql: ReadsNoStore(s.Value)
                ? values.ParameterOf(TableActionEmitter.Convert(e.Emit(s.Value), s.Value.Type, s.Target.Type))
                : s.Value.Type == s.Target.Type ? values.Value(s.Value) : null)).ToList();
            sql = assignments.All(a => a.Sql is not null)
                ? string.Join(", ", assignments.Select(a => SqlConditionEmitter.Quote(a.Target.Name) + " = " + a.Sql))
                : null;
        }

        var parameters = sql is null ? Enumerable.Empty<string>() : values.Parameters;
        return $"new {Runtime}.StoreUpdate<{row}, {output}>({StoreTableEmitter.Literal(sql)}, {TableActionEmitter.Updater(e, set)}{StoreTableEmitter.Parameters(parameters, "row")})";
    }

    private static bool ReadsNoStore(ExpressionSpec value) => !SpecWalker.Descendants(value).Any(x => x is StoreAttributeRefSpec);
}
