namespace SiddhiGen.Generator.Model;

/// <summary>
/// <c>define table T (...)</c>: rows kept in memory (or in a store with <c>@store</c>), optionally keyed by
/// <see cref="PrimaryKey"/> (a duplicate insert is dropped) and indexed per attribute by <see cref="Indexes"/>.
/// <see cref="Schema"/> describes a row; it is not a stream of the app.
/// </summary>
public sealed record TableSpec(
    string Name,
    string OperatorName,
    string Text,
    StreamSpec Schema,
    EquatableArray<string> PrimaryKey,
    EquatableArray<string> Indexes,
    StoreSpec? Store);

/// <summary>
/// <c>@store(type='...', k='v', @cache(...))</c> on a table or an aggregation: the store type, its options
/// (keys lower-cased) and the options of its <c>@cache</c> (empty without one).
/// </summary>
public sealed record StoreSpec(string Type, EquatableArray<OptionSpec> Options, EquatableArray<OptionSpec> Cache);

/// <summary>An attribute of the table (or aggregation) row being matched, in an <c>on</c> condition, a <c>set</c> clause or <c>in</c>.</summary>
public sealed record StoreAttributeRefSpec(AttributeType Type, string Name, string PropertyName) : ExpressionSpec(Type);

/// <summary>
/// <c>cond in T</c>: true when some row of table <see cref="Table"/> satisfies <see cref="Condition"/>;
/// <see cref="IsStore"/> when T is a <c>@store</c> table.
/// </summary>
public sealed record InTableSpec(string Table, ExpressionSpec Condition, bool IsStore = false) : ExpressionSpec(AttributeType.Bool);
