using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Binding;

/// <summary>Siddhi's typing rules for operators (feature catalog 1.2).</summary>
internal static class TypeRules
{
    public static bool IsNumeric(AttributeType type) =>
        type is AttributeType.Int or AttributeType.Long or AttributeType.Float or AttributeType.Double;

    /// <summary>The widest of two numeric types: double, then float, then long, then int.</summary>
    public static AttributeType Widest(AttributeType a, AttributeType b)
    {
        if (a == AttributeType.Double || b == AttributeType.Double)
        {
            return AttributeType.Double;
        }

        if (a == AttributeType.Float || b == AttributeType.Float)
        {
            return AttributeType.Float;
        }

        return a == AttributeType.Long || b == AttributeType.Long ? AttributeType.Long : AttributeType.Int;
    }

    public static string Describe(AttributeType type) => type.ToString().ToLowerInvariant();
}
