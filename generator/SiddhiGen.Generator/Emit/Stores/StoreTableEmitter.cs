using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes what a <c>@store</c> table needs beyond an in-memory one: its creation through the runtime's store
/// registry (<c>StoreTables.Create</c>, the definition's options as written) and the compiled conditions
/// (<c>StoreCondition</c>, <c>StoreUpdate</c>) of the operators that read or change it.
/// </summary>
internal static class StoreTableEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    /// <summary>The shorthand for <c>cond in T</c> (generated code has no using directives, so it is called as a static method).</summary>
    public const string ContainsMethod = Runtime + ".StoreTableExtensions.Contains";

    /// <summary>True when table <paramref name="name"/> of the app lives in a store.</summary>
    public static bool IsStore(AppSpec app, string name) => TableEmitter.Table(app, name).Store is not null;

    /// <summary>The C# type of the field holding a table.</summary>
    public static string FieldType(TableSpec table) =>
        table.Store is null ? $"{Runtime}.InMemoryTable<{table.Schema.EventTypeName}>" : $"{Runtime}.IStoreTable<{table.Schema.EventTypeName}>";

    /// <summary>The expression that creates a store table, in the app's constructor.</summary>
    public static string Construction(TableSpec table)
    {
        var store = table.Store!;
        var row = table.Schema.EventTypeName;
        var options = string.Join(", ", store.Options.Select(o => $"[{SourceWriter.StringLiteral(o.Key)}] = {SourceWriter.StringLiteral(o.Value)}"));
        var definition = $"new {Runtime}.StoreTableDefinition({SourceWriter.StringLiteral(table.Name)}, {SourceWriter.StringLiteral(store.Type)}, "
            + $"new global::System.Collections.Generic.Dictionary<string, string> {{ {options} }}, {row}.Schema, "
            + $"{Strings(table.PrimaryKey)}, {Strings(table.Indexes)})";
        return $"{Runtime}.StoreTables.Create<{row}>(this, {definition}, static e => e.ToRow(), {row}.FromRow)";
    }

    /// <summary>
    /// <c>new StoreCondition&lt;Row, Arg&gt;(...)</c>: the SQL, whether it is exact, the C# condition
    /// (<paramref name="match"/>, or null) and one lambda over <paramref name="argument"/> per parameter.
    /// </summary>
    public static string Condition(string row, string argType, SqlText sql, string? match, string argument) =>
        $"new {Runtime}.StoreCondition<{row}, {argType}>({Literal(sql.Sql)}, {(sql.IsExact ? "true" : "false")}, {match ?? "null"}{Parameters(sql.Parameters, argument)})";

    /// <summary>The trailing parameter lambdas of a condition or an update.</summary>
    public static string Parameters(IEnumerable<string> parameters, string argument) =>
        string.Concat(parameters.Select(code => $", {argument} => ({Runtime}.StoreValue)({code})"));

    /// <summary>A string literal, or <c>null</c>.</summary>
    public static string Literal(string? text) => text is null ? "null" : SourceWriter.StringLiteral(text);

    /// <summary>The column a store-attribute node reads (<c>T.attr</c> in a table condition).</summary>
    public static string? StoreColumn(ExpressionSpec expression) =>
        expression is StoreAttributeRefSpec attribute ? SqlConditionEmitter.Quote(attribute.Name) : null;

    private static string Strings(IEnumerable<string> values) =>
        "new string[] { " + string.Join(", ", values.Select(SourceWriter.StringLiteral)) + " }";
}
