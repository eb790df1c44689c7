using System.Text.Json;
using System.Text.Json.Nodes;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;
using SiddhiGen.Runtime.Connectors.Mapping;

namespace SiddhiGen.Management;

/// <summary>
/// Events as JSON for <c>POST .../streams/{stream}</c>: one row (<c>["a", 1]</c>), an object by attribute
/// name (<c>{"roomNo": "a", "temp": 1}</c>), or an array of either. Values convert as the json mapper's
/// custom mapping does (numbers in strings are parsed); a value that does not fit is a clear error.
/// </summary>
public static class JsonRows
{
    public static List<object?[]> Read(JsonNode? body, StreamSchema schema)
    {
        if (body is null)
        {
            throw new MappingException("The body is empty: send a row such as [\"a\", 1], an object by attribute name, or an array of them.");
        }

        var rows = new List<object?[]>();
        if (body is JsonArray array && array.Count > 0 && array.All(e => e is JsonArray or JsonObject))
        {
            for (var i = 0; i < array.Count; i++)
            {
                rows.Add(Row(array[i]!, schema, $"event {i + 1}: "));
            }
        }
        else
        {
            rows.Add(Row(body, schema, string.Empty));
        }

        return rows;
    }

    private static object?[] Row(JsonNode node, StreamSchema schema, string where)
    {
        var attributes = schema.Attributes;
        var row = new object?[attributes.Length];
        switch (node)
        {
            case JsonArray values:
                if (values.Count != attributes.Length)
                {
                    throw new MappingException($"{where}stream '{schema.Name}' has {attributes.Length} attribute(s) ({Names(schema)}), but the row has {values.Count} value(s).");
                }

                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = Value(values[i], attributes[i], where);
                }

                break;
            case JsonObject fields:
                foreach (var (name, _) in fields)
                {
                    if (schema.IndexOf(name) < 0)
                    {
                        throw new MappingException($"{where}stream '{schema.Name}' has no attribute '{name}' (it has {Names(schema)}).");
                    }
                }

                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = Value(fields[attributes[i].Name], attributes[i], where);
                }

                break;
            default:
                throw new MappingException($"{where}expected a JSON array of values or an object by attribute name, not {node.GetValueKind().ToString().ToLowerInvariant()}.");
        }

        return row;
    }

    private static object? Value(JsonNode? node, StreamAttribute attribute, string where)
    {
        try
        {
            return JsonValues.FromNode(node, attribute.Type, attribute.Name);
        }
        catch (MappingException ex)
        {
            throw new MappingException(where + ex.Message);
        }
    }

    private static string Names(StreamSchema schema) => string.Join(", ", schema.Attributes.Select(a => a.Name + " " + a.Type.ToString().ToLowerInvariant()));

    /// <summary>Writes rows as arrays of JSON values.</summary>
    public static void WriteRows(Utf8JsonWriter writer, IEnumerable<object?[]> rows)
    {
        writer.WriteStartArray();
        foreach (var row in rows)
        {
            writer.WriteStartArray();
            foreach (var value in row)
            {
                JsonValues.WriteValue(writer, value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
