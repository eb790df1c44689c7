using System.Globalization;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Runtime.Evaluator;

/// <summary>
/// Boxed attribute values as the interpreter holds them: <c>int</c>, <c>long</c>, <c>float</c>, <c>double</c>,
/// <c>bool</c>, <c>string</c> or any object, and null. Numeric widening here is C#'s (and Java's) conversion, the one
/// generated code applies with a cast such as <c>(double?)x</c>.
/// </summary>
internal static class Values
{
    public static int? ToInt(object? value) => value switch
    {
        null => null,
        int i => i,
        _ => throw Mismatch(value, "int"),
    };

    public static long? ToLong(object? value) => value switch
    {
        null => null,
        long l => l,
        int i => i,
        _ => throw Mismatch(value, "long"),
    };

    public static float? ToFloat(object? value) => value switch
    {
        null => null,
        float f => f,
        int i => i,
        long l => l,
        _ => throw Mismatch(value, "float"),
    };

    public static double? ToDouble(object? value) => value switch
    {
        null => null,
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        _ => throw Mismatch(value, "double"),
    };

    /// <summary>A value widened to <paramref name="type"/> (numbers only; any other value is returned as is).</summary>
    public static object? Widen(object? value, AttributeType type) => value is null ? null : type switch
    {
        AttributeType.Long when value is not long => ToLong(value),
        AttributeType.Float when value is not float => ToFloat(value),
        AttributeType.Double when value is not double => ToDouble(value),
        _ => value,
    };

    /// <summary>
    /// A value converted to <paramref name="type"/> as generated code casts it (<c>(int?)x</c>): numbers widen or
    /// narrow with C#'s explicit conversions; any other value is returned as is.
    /// </summary>
    public static object? Convert(object? value, AttributeType type) => (value, type) switch
    {
        (null, _) => null,
        (int or long or float or double, AttributeType.Int) => value switch { long l => unchecked((int)l), float f => (int)f, double d => (int)d, _ => value },
        (int or long or float or double, AttributeType.Long) => value switch { int i => (long)i, float f => (long)f, double d => (long)d, _ => value },
        (int or long or float or double, AttributeType.Float) => value switch { int i => (float)i, long l => (float)l, double d => (float)d, _ => value },
        (int or long or float or double, AttributeType.Double) => ToDouble(value),
        _ => value,
    };

    /// <summary>A constant's invariant text (<see cref="ConstantSpec.Value"/>) as its value.</summary>
    public static object Parse(ConstantSpec constant) => constant.Type switch
    {
        AttributeType.Int => int.Parse(constant.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        AttributeType.Long => long.Parse(constant.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        AttributeType.Float => float.Parse(constant.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        AttributeType.Double => double.Parse(constant.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        AttributeType.Bool => string.Equals(constant.Value, "true", StringComparison.OrdinalIgnoreCase),
        _ => constant.Value,
    };

    /// <summary>The runtime's name for a model type (they list the same seven types).</summary>
    public static SiddhiType ToSiddhiType(AttributeType type) => type switch
    {
        AttributeType.String => SiddhiType.String,
        AttributeType.Int => SiddhiType.Int,
        AttributeType.Long => SiddhiType.Long,
        AttributeType.Float => SiddhiType.Float,
        AttributeType.Double => SiddhiType.Double,
        AttributeType.Bool => SiddhiType.Bool,
        _ => SiddhiType.Object,
    };

    /// <summary>The model's name for a runtime type.</summary>
    public static AttributeType ToAttributeType(SiddhiType type) => type switch
    {
        SiddhiType.String => AttributeType.String,
        SiddhiType.Int => AttributeType.Int,
        SiddhiType.Long => AttributeType.Long,
        SiddhiType.Float => AttributeType.Float,
        SiddhiType.Double => AttributeType.Double,
        SiddhiType.Bool => AttributeType.Bool,
        _ => AttributeType.Object,
    };

    /// <summary>
    /// Orders two values of one attribute as the generated <c>order by</c> does (<c>EventSorting.Compare</c>): null
    /// first, strings by ordinal, everything else by its own comparison.
    /// </summary>
    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        (IComparable x, _) => x.CompareTo(b),
        _ => 0,
    };

    private static InvalidCastException Mismatch(object value, string type) =>
        new($"The value {value} ({value.GetType().Name}) is not a {type}.");
}
