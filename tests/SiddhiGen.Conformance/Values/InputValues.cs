using System.Globalization;
using System.Text.Json;
using SiddhiGen.Runtime;

namespace SiddhiGen.Conformance.Values;

/// <summary>
/// Converts the JSON values of a case's input rows to the attribute types of the stream they are sent
/// to (FORMAT.md): numbers to int/long/float/double, true/false to bool, text to string; for an
/// <c>object</c> attribute an integer becomes long, a fraction double. NaN and the infinities arrive
/// as the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.
/// A few tests send a value of another type; the reference converted it the way Java would, and so
/// do we: a number to a string attribute becomes its text (<c>1</c> → <c>"1"</c>), a fraction to an
/// int or long is truncated, text to a number is parsed, and text to a bool is true exactly when it
/// is <c>true</c> in any case (<c>Boolean.parseBoolean</c>: <c>"True"</c> → true, <c>"notAvailable"</c> → false).
/// </summary>
public static class InputValues
{
    /// <summary>Converts a row positionally; values beyond the schema are converted as <c>object</c>.</summary>
    public static object?[] ConvertRow(IReadOnlyList<JsonElement> row, StreamSchema schema)
    {
        var values = new object?[row.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var type = i < schema.Attributes.Length ? schema.Attributes[i].Type : SiddhiType.Object;
            values[i] = Convert(row[i], type);
        }

        return values;
    }

    /// <exception cref="FormatException">The value cannot be of that type.</exception>
    public static object? Convert(JsonElement value, SiddhiType type)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return type switch
        {
            SiddhiType.String => value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => throw Mismatch(value, type),
            },
            SiddhiType.Int => unchecked((int)ToInteger(value, type)),
            SiddhiType.Long => ToInteger(value, type),
            SiddhiType.Float => ToFloat(value) ?? ParsedText(value, type, t => float.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture)),
            SiddhiType.Double => ToDouble(value) ?? ParsedText(value, type, t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture)),
            SiddhiType.Bool => value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String => string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase),
                _ => throw Mismatch(value, type),
            },
            _ => ToObject(value),
        };
    }

    /// <summary>The float a JSON number or NaN/infinity string denotes, parsed straight to 32 bits; null if none.</summary>
    public static float? ToFloat(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => float.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValueKind.String => SpecialDouble(value.GetString()) is { } d ? (float)d : null,
        _ => null,
    };

    /// <summary>The double a JSON number or NaN/infinity string denotes; null if none.</summary>
    public static double? ToDouble(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => SpecialDouble(value.GetString()),
        _ => null,
    };

    /// <summary>True for a JSON number written without fraction or exponent (Java wrote an int or long).</summary>
    public static bool IsIntegerLiteral(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0;

    private static object? ToObject(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when IsIntegerLiteral(value) && value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString(),
        _ => throw Mismatch(value, SiddhiType.Object),
    };

    private static long ToInteger(JsonElement value, SiddhiType type)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var l))
            {
                return l;
            }

            // A fraction is truncated toward zero, as Java's Number.longValue() does.
            var d = Math.Truncate(value.GetDouble());
            if (Math.Abs(d) < 9.2e18)
            {
                return (long)d;
            }
        }

        return ParsedText(value, type, t => long.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture));
    }

    /// <summary>Parses a JSON string as Java's <c>Integer.parseInt</c>/<c>Double.parseDouble</c> would.</summary>
    private static T ParsedText<T>(JsonElement value, SiddhiType type, Func<string, T> parse)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                return parse(value.GetString()!.Trim());
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
            }
        }

        throw Mismatch(value, type);
    }

    private static double? SpecialDouble(string? text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => null,
    };

    private static FormatException Mismatch(JsonElement value, SiddhiType type) =>
        new($"The value {value.GetRawText()} cannot be a {type.ToString().ToLowerInvariant()}.");
}
