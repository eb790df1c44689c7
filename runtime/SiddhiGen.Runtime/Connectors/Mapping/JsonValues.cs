using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiddhiGen.Runtime.Connectors.Mapping;

/// <summary>
/// Typed reads and writes of attribute values in JSON, used by generated json mappers (no boxing) and
/// by the row mapper. Types are checked as Siddhi does: a string attribute needs a JSON string, an int
/// attribute an integral number in range, a bool attribute <c>true</c>/<c>false</c>; <c>null</c> is null.
/// </summary>
public static class JsonValues
{
    public static string? ReadString(ref Utf8JsonReader reader, string attribute) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Incompatible(ref reader, attribute, "string"),
    };

    public static int? ReadInt(ref Utf8JsonReader reader, string attribute) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var v) => v,
        JsonTokenType.Null => null,
        _ => throw Incompatible(ref reader, attribute, "int"),
    };

    public static long? ReadLong(ref Utf8JsonReader reader, string attribute) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt64(out var v) => v,
        JsonTokenType.Null => null,
        _ => throw Incompatible(ref reader, attribute, "long"),
    };

    public static float? ReadFloat(ref Utf8JsonReader reader, string attribute) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetSingle(out var v) => v,
        JsonTokenType.Null => null,
        _ => throw Incompatible(ref reader, attribute, "float"),
    };

    public static double? ReadDouble(ref Utf8JsonReader reader, string attribute) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDouble(out var v) => v,
        JsonTokenType.Null => null,
        _ => throw Incompatible(ref reader, attribute, "double"),
    };

    public static bool? ReadBool(ref Utf8JsonReader reader, string attribute) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw Incompatible(ref reader, attribute, "bool"),
    };

    /// <summary>An object attribute: a JSON string, number or bool as its .NET value, anything else as a <see cref="JsonNode"/>.</summary>
    public static object? ReadObject(ref Utf8JsonReader reader, string attribute)
    {
        _ = attribute;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var l) ? l : reader.GetDouble();
            default:
                return JsonNode.Parse(ref reader);
        }
    }

    /// <summary>Converts a node selected by a JSONPath (custom mapping: strings are parsed, as Siddhi does).</summary>
    public static object? FromNode(JsonNode? node, SiddhiType type, string attribute)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            var kind = value.GetValueKind();
            switch (type)
            {
                case SiddhiType.String:
                    return kind == JsonValueKind.String ? value.GetValue<string>() : node.ToJsonString();
                case SiddhiType.Object:
                    return kind switch
                    {
                        JsonValueKind.String => value.GetValue<string>(),
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        JsonValueKind.Number => value.TryGetValue<long>(out var l) ? l : value.GetValue<double>(),
                        _ => node,
                    };
                case SiddhiType.Bool when kind is JsonValueKind.True or JsonValueKind.False:
                    return kind == JsonValueKind.True;
                default:
                    var text = kind == JsonValueKind.String ? value.GetValue<string>() : node.ToJsonString();
                    return ValueParser.Parse(text, type, attribute);
            }
        }

        return type is SiddhiType.Object or SiddhiType.String
            ? (type == SiddhiType.String ? node.ToJsonString() : node)
            : throw new MappingException($"Attribute '{attribute}' is {type.ToString().ToLowerInvariant()}, but the JSON value is {node.GetValueKind().ToString().ToLowerInvariant()}.");
    }

    /// <summary>Reads a value of the default mapping into a row (the strict rules of the typed readers).</summary>
    public static object? Read(ref Utf8JsonReader reader, SiddhiType type, string attribute) => type switch
    {
        SiddhiType.String => ReadString(ref reader, attribute),
        SiddhiType.Int => ReadInt(ref reader, attribute),
        SiddhiType.Long => ReadLong(ref reader, attribute),
        SiddhiType.Float => ReadFloat(ref reader, attribute),
        SiddhiType.Double => ReadDouble(ref reader, attribute),
        SiddhiType.Bool => ReadBool(ref reader, attribute),
        _ => ReadObject(ref reader, attribute),
    };

    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, float? value)
    {
        if (value is not { } v)
        {
            writer.WriteNull(name);
        }
        else if (float.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteString(name, SiddhiValues.Format(v));
        }
    }

    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double? value)
    {
        if (value is not { } v)
        {
            writer.WriteNull(name);
        }
        else if (double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteString(name, SiddhiValues.Format(v));
        }
    }

    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, bool? value)
    {
        if (value is { } v)
        {
            writer.WriteBoolean(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, object? value)
    {
        writer.WritePropertyName(name);
        WriteValue(writer, value);
    }

    /// <summary>Writes any attribute value (the row path and object attributes).</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
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
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case float or double:
                writer.WriteStringValue(SiddhiValues.Format(value));
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            default:
                WriteObject(writer, value);
                break;
        }
    }

    /// <summary>
    /// An object attribute of a type JSON has no value for: serialized by reflection where that is on (JIT
    /// builds), its text where it is off (native AOT and trimmed apps, which System.Text.Json builds without
    /// reflection; the switch also removes the reflection path from them).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached when reflection-based serialization is enabled, which trimmed apps turn off.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reached when reflection-based serialization is enabled, which native AOT turns off.")]
    private static void WriteObject(Utf8JsonWriter writer, object value)
    {
        if (JsonSerializer.IsReflectionEnabledByDefault)
        {
            JsonSerializer.Serialize(writer, value, value.GetType());
        }
        else
        {
            writer.WriteStringValue(SiddhiValues.Format(value));
        }
    }

    private static MappingException Incompatible(ref Utf8JsonReader reader, string attribute, string type)
    {
        var found = reader.TokenType switch
        {
            JsonTokenType.String => "the string \"" + reader.GetString() + "\"",
            JsonTokenType.Number => "the number " + System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.True or JsonTokenType.False => "a bool",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            _ => reader.TokenType.ToString(),
        };
        return new MappingException($"Attribute '{attribute}' is {type}, but the JSON value is {found}.");
    }
}
