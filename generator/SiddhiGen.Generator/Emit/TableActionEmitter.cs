using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes the target of a query whose rows change a table: a receiver that, per output row and in order,
/// inserts it (<c>insert into T</c>), deletes the rows it matches (<c>delete T on ...</c>), updates them
/// (<c>update T set ... on ...</c>), or updates them and inserts the row when none matches
/// (<c>update or insert into T</c>). Conditions and <c>set</c> values are generated lambdas over
/// (table row <c>store</c>, output row <c>row</c>).
/// </summary>
internal static class TableActionEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    public static bool Applies(QuerySpec query) => TableEmitter.TargetTable(query) is not null;

    /// <summary>The receiver class's name.</summary>
    public static string ClassName(QuerySpec query) => query.OperatorName + "TableAction";

    /// <summary>The expression that creates the receiver, in the app's constructor.</summary>
    public static string Construction(QuerySpec query) => $"new {ClassName(query)}(this)";

    public static void Emit(SourceWriter w, AppSpec app, QuerySpec query)
    {
        var output = TableEmitter.OutputOf(app, query).EventTypeName;
        var table = TableEmitter.TargetTable(query)!;
        var field = TableEmitter.Field(table);
        var usesClock = TableEmitter.ActionExpressions(query).SelectMany(SpecWalker.Descendants).Any(e => e is FunctionCallSpec { Name: "currentTimeMillis" });
        var usesLog = TableEmitter.ActionExpressions(query).SelectMany(SpecWalker.Descendants).Any(e => e is LogSpec);

        if (StoreTableEmitter.IsStore(app, table))
        {
            StoreTableActionEmitter.Emit(w, app, query, usesClock, usesLog);
            return;
        }

        w.WriteLine($"// The output of query '{query.Name}' changes table '{table}', one row at a time.");
        w.OpenBlock($"private sealed class {ClassName(query)} : {Runtime}.IStreamReceiver<{output}>");
        TableEmitter.EmitOperatorFields(w, app, query);
        if (usesClock)
        {
            w.WriteLine($"private readonly {Runtime}.AppClock _clock;");
        }

        if (usesLog)
        {
            w.WriteLine($"private readonly {Runtime}.StreamLogger _log;");
        }

        w.WriteLine();
        w.OpenBlock($"public {ClassName(query)}({app.ClassName} app)");
        TableEmitter.EmitOperatorConstruction(w, app, query);
        if (usesClock)
        {
            w.WriteLine("_clock = app.Clock;");
        }

        if (usesLog)
        {
            w.WriteLine($"_log = new {Runtime}.StreamLogger(app);");
        }

        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock($"public void Receive(global::System.ReadOnlySpan<{Runtime}.StreamEvent<{output}>> chunk)");
        w.OpenBlock("foreach (var ev in chunk)");
        var e = new ExpressionEmitter("ev.Data", "row", "state") { Store = "store" };
        switch (query.Output.Action)
        {
            case InsertIntoTableSpec:
                w.WriteLine($"{field}.Insert(ev.Data);");
                break;
            case DeleteSpec delete:
                w.WriteLine(delete.On is null
                    ? $"{field}.Clear();"
                    : $"{field}.Delete(ev.Data, {Predicate(e, delete.On)});");
                break;
            case UpdateSpec update:
                w.WriteLine($"{field}.Update(ev.Data, {Predicate(e, update.On)}, {Updater(e, update.Set)});");
                break;
            case UpdateOrInsertSpec upsert:
                w.WriteLine($"{field}.UpdateOrInsert(ev.Data, {Predicate(e, upsert.On)}, {Updater(e, upsert.Set)}, ev.Data);");
                break;
        }

        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
    }

    internal static string Predicate(ExpressionEmitter e, ExpressionSpec condition) => $"(store, row) => {e.Condition(condition)}";

    internal static string Updater(ExpressionEmitter e, EquatableArray<SetAssignmentSpec> set)
    {
        if (set.Count == 0)
        {
            return "(store, row) => store";
        }

        var assignments = set.Select(s => $"{s.Target.PropertyName} = {Convert(e.Emit(s.Value), s.Value.Type, s.Target.Type)}");
        return $"(store, row) => store with {{ {string.Join(", ", assignments)} }}";
    }

    internal static string Convert(string code, AttributeType from, AttributeType to) =>
        from == to ? code : $"({TypeNames.Nullable(to)}){ExpressionEmitter.Parenthesize(code)}";
}
