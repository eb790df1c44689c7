namespace SiddhiGen.Generator.Model;

/// <summary>One attribute of a stream: its SiddhiQL name and type, and the C# property it becomes.</summary>
public sealed record AttributeSpec(string Name, AttributeType Type, string PropertyName);
