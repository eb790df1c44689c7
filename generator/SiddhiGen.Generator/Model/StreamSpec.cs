namespace SiddhiGen.Generator.Model;

/// <summary>
/// A stream of the app (defined, or inferred from an <c>insert into</c>). It becomes an event struct
/// named <see cref="EventTypeName"/> and a typed stream property named <see cref="PropertyName"/>.
/// </summary>
public sealed record StreamSpec(
    string Name,
    string EventTypeName,
    string PropertyName,
    EquatableArray<AttributeSpec> Attributes,
    bool IsInferred,
    bool IsQueryTarget,
    string? DefinitionText);
