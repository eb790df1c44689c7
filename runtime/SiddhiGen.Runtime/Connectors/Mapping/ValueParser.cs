using System.Globalization;

namespace SiddhiGen.Runtime.Connectors.Mapping;

/// <summary>Reads attribute values from text (csv fields, text and xml values) with the invariant culture.</summary>
public static class ValueParser
{
    /// <summary>Parses <paramref name="text"/> as <paramref name="type"/>; null text is null.</summary>
    public static object? Parse(string? text, SiddhiType type, string attribute) => type switch
    {
        _ when text is null => null,
        SiddhiType.String or SiddhiType.Object => text,
        _ when text.Length == 0 => null,
        SiddhiType.Int => ParseInt(text, attribute),
        SiddhiType.Long => ParseLong(text, attribute),
        SiddhiType.Float => ParseFloat(text, attribute),
        SiddhiType.Double => ParseDouble(text, attribute),
        SiddhiType.Bool => ParseBool(text, attribute),
        _ => text,
    };

    public static int ParseInt(ReadOnlySpan<char> text, string attribute) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Invalid(text, attribute, "int");

    public static long ParseLong(ReadOnlySpan<char> text, string attribute) =>
        long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Invalid(text, attribute, "long");

    public static float ParseFloat(ReadOnlySpan<char> text, string attribute) =>
        float.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Invalid(text, attribute, "float");

    public static double ParseDouble(ReadOnlySpan<char> text, string attribute) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Invalid(text, attribute, "double");

    public static bool ParseBool(ReadOnlySpan<char> text, string attribute) =>
        bool.TryParse(text.Trim(), out var v) ? v : throw Invalid(text, attribute, "bool");

    /// <summary>Converts a value of another .NET type (a keyvalue map entry) to the attribute's type.</summary>
    public static object? Convert(object? value, SiddhiType type, string attribute, bool implicitCast)
    {
        if (value is null)
        {
            return null;
        }

        var matches = type switch
        {
            SiddhiType.String => value is string,
            SiddhiType.Int => value is int,
            SiddhiType.Long => value is long,
            SiddhiType.Float => value is float,
            SiddhiType.Double => value is double,
            SiddhiType.Bool => value is bool,
            _ => true,
        };
        if (matches)
        {
            return value;
        }

        if (!implicitCast)
        {
            throw new MappingException($"Attribute '{attribute}' is {type.ToString().ToLowerInvariant()}, but the value {SiddhiValues.Format(value)} is {value.GetType().Name}.");
        }

        return type == SiddhiType.String ? SiddhiValues.Format(value) : Parse(SiddhiValues.Format(value), type, attribute);
    }

    private static MappingException Invalid(ReadOnlySpan<char> text, string attribute, string type) =>
        new($"Value '{text.ToString()}' of attribute '{attribute}' is not a valid {type}.");
}
