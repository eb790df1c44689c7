using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SiddhiGen.Extensions;

/// <summary>JSON text to Siddhi values (maps, lists, INT/LONG/DOUBLE/BOOL/STRING) and back, in org.json's forms.</summary>
internal static class JsonValues
{
    private static readonly JsonWriterOptions s_writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static object? ToSiddhi(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Aggregate(SiddhiMap.New(), static (map, p) => { map[p.Name] = ToSiddhi(p.Value); return map; }),
        JsonValueKind.Array => e.EnumerateArray().Select(ToSiddhi).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when e.TryGetInt32(out var i) => i,
        JsonValueKind.Number when e.TryGetInt64(out var l) => l,
        JsonValueKind.Number => e.GetDouble(),
        _ => null,
    };

    public static string Write(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, s_writer))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case IDictionary<object, object?> map:
                w.WriteStartObject();
                foreach (var pair in map)
                {
                    w.WritePropertyName(Runtime.SiddhiFunctions.ConvertToString(pair.Key) ?? "null");
                    Write(w, pair.Value);
                }

                w.WriteEndObject();
                break;
            case System.Collections.IEnumerable items and not string:
                w.WriteStartArray();
                foreach (var item in items)
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case int or long:
                w.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case float or double:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    w.WriteNullValue(); // org.json refuses non-finite numbers
                }
                else
                {
                    w.WriteRawValue(NumberText(value));
                }

                break;
            default:
                w.WriteStringValue(Runtime.SiddhiFunctions.ConvertToString(value));
                break;
        }
    }

    /// <summary>org.json's <c>numberToString</c>: Java's text without trailing zeros after the point.</summary>
    private static string NumberText(object number)
    {
        var text = Runtime.SiddhiFunctions.ConvertToString(number)!;
        if (text.Contains('.') && !text.Contains('E'))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text;
    }
}
