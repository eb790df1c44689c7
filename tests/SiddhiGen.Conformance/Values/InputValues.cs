using System.Globalization;
using System.Text.Json;
using SiddhiGen.Runtime;

namespace SiddhiGen.Conformance.Values;

/// <summary>
/// Converts the JSON values of a case's input rows to the attribute types of the stream they are sent
/// to (FORMAT.md): numbers to int/long/float/double, true/false to bool, text to string; for an
/// <c>object</c> attribute an integer becomes long, a fraction double. NaN and the infinities arrive
/// as the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.
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
            SiddhiType.String => value.ValueKind == JsonValueKind.String ? value.GetString() : throw Mismatch(value, type),
            SiddhiType.Int => checked((int)ToInteger(value, type)),
            SiddhiType.Long => ToInteger(value, type),
            SiddhiType.Float => ToFloat(value) ?? throw Mismatch(value, type),
            SiddhiType.Double => ToDouble(value) ?? throw Mismatch(value, type),
            SiddhiType.Bool => value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
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

            // Tolerate 5.0 for an integer attribute; reject real fractions.
            var d = value.GetDouble();
            if (Math.Floor(d) == d && Math.Abs(d) < 9.2e18)
            {
                return (long)d;
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
