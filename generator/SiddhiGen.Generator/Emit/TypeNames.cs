using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>How SiddhiQL types appear in generated C#.</summary>
internal static class TypeNames
{
    /// <summary>The nullable C# type of an attribute (every Siddhi value may be null).</summary>
    public static string Nullable(AttributeType type) => type switch
    {
        AttributeType.String => "string?",
        AttributeType.Int => "int?",
        AttributeType.Long => "long?",
        AttributeType.Float => "float?",
        AttributeType.Double => "double?",
        AttributeType.Bool => "bool?",
        _ => "object?",
    };

    /// <summary>The C# type without nullability (<c>double</c> for DOUBLE).</summary>
    public static string Plain(AttributeType type) => Nullable(type).TrimEnd('?');

    /// <summary>The runtime's <c>SiddhiType</c> member.</summary>
    public static string SiddhiType(AttributeType type) => "global::SiddhiGen.Runtime.SiddhiType." + type;

    /// <summary>The <c>RowConvert</c> method reading a dynamic value as this type.</summary>
    public static string RowConverter(AttributeType type) => type switch
    {
        AttributeType.String => "ToString",
        _ => "To" + type,
    };

    public static string SiddhiName(AttributeType type) => type.ToString().ToLowerInvariant();
}
