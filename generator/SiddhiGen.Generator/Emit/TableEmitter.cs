using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes the in-memory tables of an app (<c>define table</c>): a row struct per table, a primary-key comparer
/// for <c>@PrimaryKey</c>, the <c>InMemoryTable&lt;Row&gt;</c> field and property of the app, and, in each
/// operator that reads or changes a table, a field holding it.
/// </summary>
internal static class TableEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    /// <summary>The field that holds table <paramref name="table"/>, in the app and in each operator using it.</summary>
    public static string Field(string table) => "_table" + table;

    public static TableSpec Table(AppSpec app, string name) => app.Tables.First(t => t.Name == name);

    /// <summary>The row type of a table, or null when <paramref name="name"/> is not a table of the app.</summary>
    public static string? RowType(AppSpec app, string name) => app.Tables.FirstOrDefault(t => t.Name == name)?.Schema.EventTypeName;

    /// <summary>
    /// The rows a query outputs: its target stream's events, a table's rows (<c>insert into T</c>, <c>update or
    /// insert</c>, whose output has the table's schema), or a row struct of its own (<c>delete</c>, <c>update</c>).
    /// </summary>
    public static StreamSpec OutputOf(AppSpec app, QuerySpec query) => query.Output.Action switch
    {
        InsertIntoTableSpec insert => Table(app, insert.Table).Schema,
        UpdateOrInsertSpec upsert => Table(app, upsert.Table).Schema,
        DeleteSpec or UpdateSpec => OwnOutput(app, query),
        _ => app.Streams.First(s => s.Name == query.Output.TargetStream),
    };

    private static StreamSpec OwnOutput(AppSpec app, QuerySpec query) => new(
        query.Output.TargetStream,
        app.ClassName + query.OperatorName + "Row",
        query.OperatorName + "Row",
        new EquatableArray<AttributeSpec>(query.Selector.Projections.Select(p => p.Attribute).ToArray()),
        IsInferred: true,
        IsQueryTarget: false,
        DefinitionText: null);

    /// <summary>The tables a query reads or changes: its table join side, its <c>in</c> conditions, its output table.</summary>
    public static IReadOnlyList<string> TablesOf(QuerySpec query)
    {
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        if (query.JoinStore is { Kind: StoreKind.Table } store)
        {
            names.Add(store.Store);
        }

        foreach (var e in SpecWalker.Expressions(query).Concat(ActionExpressions(query).SelectMany(SpecWalker.Descendants)))
        {
            if (e is InTableSpec inTable)
            {
                names.Add(inTable.Table);
            }
        }

        if (TargetTable(query) is { } target)
        {
            names.Add(target);
        }

        return names.ToList();
    }

    /// <summary>True when a query uses any table.</summary>
    public static bool UsesTables(QuerySpec query) => TablesOf(query).Count > 0;

    /// <summary>The table a query's output changes, or null.</summary>
    public static string? TargetTable(QuerySpec query) => query.Output.Action switch
    {
        InsertIntoTableSpec insert => insert.Table,
        DeleteSpec delete => delete.Table,
        UpdateSpec update => update.Table,
        UpdateOrInsertSpec upsert => upsert.Table,
        _ => null,
    };

    /// <summary>The conditions and <c>set</c> values of a query's table output.</summary>
    public static IEnumerable<ExpressionSpec> ActionExpressions(QuerySpec query) => query.Output.Action switch
    {
        DeleteSpec { On: { } on } => new[] { on },
        UpdateSpec update => update.Set.Select(s => s.Value).Concat(new[] { update.On }),
        UpdateOrInsertSpec upsert => upsert.Set.Select(s => s.Value).Concat(new[] { upsert.On }),
        _ => Enumerable.Empty<ExpressionSpec>(),
    };

    /// <summary>The row structs: one per table, one per <c>delete</c>/<c>update</c> query's output.</summary>
    public static void EmitRowStructs(SourceWriter w, AppSpec app)
    {
        foreach (var table in app.Tables)
        {
            AppEmitter.EmitEventStruct(w, table.Schema);
            w.WriteLine();
        }

        foreach (var query in app.Queries.Where(q => q.Output.Action is DeleteSpec or UpdateSpec))
        {
            AppEmitter.EmitEventStruct(w, OwnOutput(app, query));
            w.WriteLine();
        }
    }

    /// <summary>The app's table properties and fields.</summary>
    public static void EmitMembers(SourceWriter w, AppSpec app)
    {
        foreach (var table in app.Tables)
        {
            var row = table.Schema.EventTypeName;
            w.WriteSummary($"The rows of table '{table.Name}'.");
            w.WriteLine($"public {StoreTableEmitter.FieldType(table)} {table.Schema.PropertyName} => {Field(table.Name)};");
            w.WriteLine();
            w.WriteLine($"private readonly {StoreTableEmitter.FieldType(table)} {Field(table.Name)};");
            w.WriteLine();
        }
    }

    /// <summary>Creates the tables, in the app's constructor (before the queries that use them).</summary>
    public static void EmitConstruction(SourceWriter w, AppSpec app)
    {
        foreach (var table in app.Tables)
        {
            w.WriteLine();
            w.WriteComment(table.Text);
            if (table.Store is not null)
            {
                w.WriteLine($"{Field(table.Name)} = {StoreTableEmitter.Construction(table)};");
                continue;
            }

            var key = table.PrimaryKey.Count == 0 ? string.Empty : $", {table.Schema.EventTypeName}Key.Instance";
            w.WriteLine($"{Field(table.Name)} = new(this, {SourceWriter.StringLiteral(table.Name)}{key});");
        }
    }

    /// <summary>Makes each table readable (rows in insertion order) and changeable by on-demand queries.</summary>
    public static void EmitRegistrations(SourceWriter w, AppSpec app)
    {
        foreach (var table in app.Tables)
        {
            var row = table.Schema.EventTypeName;
            w.WriteLine($"RegisterTable({SourceWriter.StringLiteral(table.Name)}, {row}.Schema, {Field(table.Name)}, static e => e.ToRow(), {row}.FromRow);");
        }
    }

    /// <summary>The primary-key comparers: rows are equal when their key attributes are.</summary>
    public static void EmitKeyComparers(SourceWriter w, AppSpec app)
    {
        foreach (var table in app.Tables.Where(t => t.PrimaryKey.Count > 0 && t.Store is null))
        {
            var row = table.Schema.EventTypeName;
            var keys = table.PrimaryKey.Select(k => table.Schema.Attributes.First(a => a.Name == k)).ToList();
            w.WriteLine();
            w.WriteSummary($"@PrimaryKey({string.Join(", ", table.PrimaryKey.Select(k => "'" + k + "'"))}) of table '{table.Name}': rows with equal keys are duplicates.");
            w.OpenBlock($"private sealed class {row}Key : global::System.Collections.Generic.IEqualityComparer<{row}>");
            w.WriteLine($"public static readonly {row}Key Instance = new();");
            w.WriteLine();
            var equals = keys.Select(k => $"global::System.Collections.Generic.EqualityComparer<{TypeNames.Nullable(k.Type)}>.Default.Equals(x.{k.PropertyName}, y.{k.PropertyName})");
            w.WriteLine($"public bool Equals({row} x, {row} y) => {string.Join(" && ", equals)};");
            w.WriteLine();
            var hash = keys.Count == 1
                ? $"global::System.HashCode.Combine(row.{keys[0].PropertyName})"
                : $"({string.Join(", ", keys.Select(k => "row." + k.PropertyName))}).GetHashCode()";
            w.WriteLine($"public int GetHashCode({row} row) => {hash};");
            w.CloseBlock();
        }
    }

    /// <summary>Fields of an operator for the tables it uses.</summary>
    public static void EmitOperatorFields(SourceWriter w, AppSpec app, QuerySpec query)
    {
        foreach (var name in TablesOf(query))
        {
            w.WriteLine($"private readonly {StoreTableEmitter.FieldType(Table(app, name))} {Field(name)};");
        }
    }

    /// <summary>Sets an operator's table fields from the app (<paramref name="app"/> names the constructor's app parameter).</summary>
    public static void EmitOperatorConstruction(SourceWriter w, AppSpec app, QuerySpec query, string appVariable = "app")
    {
        foreach (var name in TablesOf(query))
        {
            w.WriteLine($"{Field(name)} = (({app.ClassName}){appVariable}).{Field(name)};");
        }
    }
}
