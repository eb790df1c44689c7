namespace SiddhiGen.Generator.Model;

/// <summary>What an on-demand query does.</summary>
public enum OnDemandQueryKind
{
    Find,
    Insert,
    Delete,
    Update,
    UpdateOrInsert,
}

/// <summary>
/// An on-demand (store) query run with <c>Query(string)</c>, bound against the app's tables, named windows
/// and aggregations. A find reads <see cref="Store"/> (rows matching <see cref="On"/>, within
/// <see cref="Within"/> for an aggregation) through <see cref="Selector"/>; the other kinds compute the
/// <see cref="Selector"/> row(s) and apply <see cref="Action"/> to a table. <see cref="Output"/> is the
/// result schema (<c>getOnDemandQueryOutputAttributes</c>).
/// </summary>
public sealed record OnDemandQuerySpec(
    OnDemandQueryKind Kind,
    string Store,
    StoreKind? StoreKind,
    ExpressionSpec? On,
    AggregationWithinSpec? Within,
    SelectorSpec Selector,
    OutputActionSpec? Action,
    EquatableArray<AttributeSpec> Output);
