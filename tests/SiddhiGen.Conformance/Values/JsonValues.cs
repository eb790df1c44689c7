using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SiddhiGen.Conformance.Values;

/// <summary>
/// Writes engine values in the corpus's JSON forms: float and double as their shortest round-trip
/// decimal with a fraction or exponent (<c>700.0</c>, <c>26.333333333333332</c>, <c>1E+20</c>), NaN and
/// the infinities as the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>, integers plainly.
/// </summary>
public static class JsonValues
{
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int or long or short or byte or sbyte or ushort or uint:
                writer.WriteRawValue(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case float f when float.IsFinite(f):
                writer.WriteRawValue(Fraction(f.ToString("R", CultureInfo.InvariantCulture)));
                break;
            case double d when double.IsFinite(d):
                writer.WriteRawValue(Fraction(d.ToString("R", CultureInfo.InvariantCulture)));
                break;
            case float or double:
                writer.WriteStringValue(Format(value));
                break;
            case decimal m:
                writer.WriteRawValue(Fraction(m.ToString(CultureInfo.InvariantCulture)));
                break;
            default:
                writer.WriteStringValue(Format(value));
                break;
        }
    }

    public static void WriteRow(Utf8JsonWriter writer, IReadOnlyList<object?> row)
    {
        writer.WriteStartArray();
        foreach (var value in row)
        {
            Write(writer, value);
        }

        writer.WriteEndArray();
    }

    public static void WriteRows(Utf8JsonWriter writer, IEnumerable<object?[]> rows)
    {
        writer.WriteStartArray();
        foreach (var row in rows)
        {
            WriteRow(writer, row);
        }

        writer.WriteEndArray();
    }

    /// <summary>A row of engine values as compact JSON, for messages.</summary>
    public static string RowText(IReadOnlyList<object?> row)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteRow(writer, row);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A row of expected values as compact JSON, for messages.</summary>
    public static string RowText(IReadOnlyList<JsonElement> row) =>
        "[" + string.Join(",", row.Select(v => v.GetRawText())) + "]";

    /// <summary>
    /// A value as plain text: NaN/Infinity/-Infinity, shortest round-trip numbers, <c>null</c>; a
    /// collection as Java's <c>List.toString()</c> shows it (<c>[23.6, 1.0, null]</c>), which is how the
    /// corpus holds collections a query outputs in an <c>object</c> attribute.
    /// </summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        float f when float.IsNaN(f) => "NaN",
        double d when double.IsNaN(d) => "NaN",
        float f when float.IsInfinity(f) => f > 0 ? "Infinity" : "-Infinity",
        double d when double.IsInfinity(d) => d > 0 ? "Infinity" : "-Infinity",
        System.Collections.IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object?>().Select(JavaText)) + "]",
        _ => SiddhiGen.Runtime.SiddhiValues.Format(value),
    };

    /// <summary>An element inside a collection, as Java prints it: whole floats and doubles keep <c>.0</c>.</summary>
    private static string JavaText(object? value) => value switch
    {
        float f when float.IsFinite(f) => Fraction(f.ToString("R", CultureInfo.InvariantCulture)),
        double d when double.IsFinite(d) => Fraction(d.ToString("R", CultureInfo.InvariantCulture)),
        _ => Format(value),
    };

    private static string Fraction(string number) =>
        number.AsSpan().IndexOfAny('.', 'E', 'e') >= 0 ? number : number + ".0";
}
