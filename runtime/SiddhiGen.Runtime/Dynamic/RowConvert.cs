using System.Globalization;

namespace SiddhiGen.Runtime;

/// <summary>
/// Reads values of a dynamic row into typed attributes. Like Siddhi's input handlers it tolerates any
/// numeric box for a numeric attribute (an <c>int</c> sent to a <c>double</c> attribute), and rejects
/// values that cannot be that type with a clear error.
/// </summary>
public static class RowConvert
{
    public static string? ToString(object? value, string attribute) => value switch
    {
        null => null,
        string s => s,
        _ => throw Mismatch(value, attribute, "string"),
    };

    public static int? ToInt(object? value, string attribute) => value switch
    {
        null => null,
        int i => i,
        long l => unchecked((int)l),
        short s => s,
        byte b => b,
        float f => (int)f,
        double d => (int)d,
        decimal m => (int)m,
        _ => throw Mismatch(value, attribute, "int"),
    };

    public static long? ToLong(object? value, string attribute) => value switch
    {
        null => null,
        long l => l,
        int i => i,
        short s => s,
        byte b => b,
        float f => (long)f,
        double d => (long)d,
        decimal m => (long)m,
        _ => throw Mismatch(value, attribute, "long"),
    };

    public static float? ToFloat(object? value, string attribute) => value switch
    {
        null => null,
        float f => f,
        double d => (float)d,
        int i => i,
        long l => l,
        decimal m => (float)m,
        _ => throw Mismatch(value, attribute, "float"),
    };

    public static double? ToDouble(object? value, string attribute) => value switch
    {
        null => null,
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        _ => throw Mismatch(value, attribute, "double"),
    };

    public static bool? ToBool(object? value, string attribute) => value switch
    {
        null => null,
        bool b => b,
        _ => throw Mismatch(value, attribute, "bool"),
    };

    public static object? ToObject(object? value, string attribute) => value;

    private static ArgumentException Mismatch(object value, string attribute, string type) =>
        new($"Attribute '{attribute}' is {type}, but the value {Convert.ToString(value, CultureInfo.InvariantCulture)} is {value.GetType().Name}.");
}
