using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// siddhi-execution-json 5.0 (<c>json:</c>). A JSON argument is JSON text (single quotes allowed, as the Java library
/// reads it; see <see cref="LenientJson"/>) or a JSON object made by <c>json:toObject</c>/<c>json:getObject</c>
/// (a <see cref="JsonNode"/>). Paths are Jayway JSON paths (<see cref="JsonPathQuery"/>). A path that finds nothing,
/// or (for an indefinite path) other than exactly one element, gives null; a value of the wrong kind gives null, as
/// in Java; malformed JSON fails.
/// </summary>
public static class JsonFunctions
{
    [SiddhiFunction("json:getBool")]
    public static bool? GetBool(object? json, string? path) =>
        One(json, path, "json:getBool") is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    /// <summary>The element read as Java's <c>Double.parseDouble</c> reads its text (a numeric string counts).</summary>
    [SiddhiFunction("json:getDouble")]
    public static double? GetDouble(object? json, string? path) =>
        Text(One(json, path, "json:getDouble")) is { } t && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    [SiddhiFunction("json:getFloat")]
    public static float? GetFloat(object? json, string? path) =>
        Text(One(json, path, "json:getFloat")) is { } t && float.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : null;

    /// <summary>The element read as <c>Integer.parseInt</c> reads its text: <c>23</c> gives 23, <c>23.0</c> null.</summary>
    [SiddhiFunction("json:getInt")]
    public static int? GetInt(object? json, string? path) =>
        Text(One(json, path, "json:getInt")) is { } t && int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null;

    [SiddhiFunction("json:getLong")]
    public static long? GetLong(object? json, string? path) =>
        Text(One(json, path, "json:getLong")) is { } t && long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null;

    /// <summary>The element: an object or array as a JSON object, a number as INT/LONG/DOUBLE, a string, a bool.</summary>
    [SiddhiFunction("json:getObject")]
    public static object? GetObject(object? json, string? path)
    {
        var selected = Select(json, path, "json:getObject", out var definite);
        if (!definite)
        {
            return new JsonArray(selected.Select(s => s.Node?.DeepClone()).ToArray());
        }

        return selected.Count == 0 ? null : ToValue(selected[0].Node);
    }

    /// <summary>A string element as is; any other element as its JSON text.</summary>
    [SiddhiFunction("json:getString")]
    public static string? GetString(object? json, string? path) => One(json, path, "json:getString") switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var node => node.ToJsonString(),
    };

    /// <summary>True when the path exists (an indefinite path always does, as in Jayway).</summary>
    [SiddhiFunction("json:isExists")]
    public static bool IsExists(object? json, string? path)
    {
        var selected = Select(json, path, "json:isExists", out var definite);
        return !definite || selected.Count > 0;
    }

    /// <summary>Appends <paramref name="element"/> to the array at the path (or sets it as the path's value when it is no array); the updated JSON.</summary>
    [SiddhiFunction("json:setElement")]
    public static object? SetElement(object? json, string? path, object? element) => Set(json, path, element, null, "json:setElement");

    /// <summary>Sets <paramref name="key"/> to <paramref name="element"/> in the object at the path (appends to an array); the updated JSON.</summary>
    [SiddhiFunction("json:setElement")]
    public static object? SetElement(object? json, string? path, object? element, string? key) => Set(json, path, element, key ?? throw Fail.Null("json:setElement", 4), "json:setElement");

    /// <summary>JSON text as a JSON object, or null when it is not valid JSON.</summary>
    [SiddhiFunction("json:toObject")]
    public static object? ToObject(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return LenientJson.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The JSON text of a JSON object (Gson's compact form).</summary>
    [SiddhiFunction("json:toString")]
    public static string? ToString(object? json) => json is null ? "null" : Node(json, "json:toString")?.ToJsonString() ?? "null";

    /// <summary>With <paramref name="allowEscape"/>, the JSON text itself as a JSON string literal (quotes escaped).</summary>
    [SiddhiFunction("json:toString")]
    public static string? ToString(object? json, bool? allowEscape)
    {
        if (json is null || allowEscape is null)
        {
            throw Fail.Because("json:toString", "Null value passed to json:toString() function.");
        }

        var text = ToString(json);
        return allowEscape.Value ? JsonSerializer.Serialize(text) : text;
    }

    internal static JsonNode? Node(object? json, string function) => LenientJson.Read(json, function);

    private static object? Set(object? json, string? path, object? element, string? key, string function)
    {
        var root = Node(json, function)?.DeepClone();
        if (path is null)
        {
            throw Fail.Null(function, 2);
        }

        var value = ElementNode(element);
        foreach (var (node, parent, name, index) in JsonPathQuery.Get(path, function).Select(root))
        {
            switch (node)
            {
                case JsonArray array:
                    array.Add(value?.DeepClone());
                    break;
                case JsonObject obj when key is not null:
                    obj[key] = value?.DeepClone();
                    break;
                default:
                    if (parent is JsonObject p && name is not null)
                    {
                        p[name] = value?.DeepClone();
                    }
                    else if (parent is JsonArray a && index >= 0)
                    {
                        a[index] = value?.DeepClone();
                    }

                    break;
            }
        }

        return root;
    }

    /// <summary>An element to insert: JSON text of an object or array becomes that JSON; anything else a value.</summary>
    private static JsonNode? ElementNode(object? element)
    {
        switch (element)
        {
            case null:
                return null;
            case JsonNode node:
                return node;
            case string s when s.TrimStart().StartsWith('{') || s.TrimStart().StartsWith('['):
                try
                {
                    return LenientJson.Parse(s);
                }
                catch (JsonException)
                {
                    return JsonValue.Create(s);
                }

            default:
                return JsonSerializer.SerializeToNode(element);
        }
    }

    private static List<(JsonNode? Node, JsonNode? Parent, string? Name, int Index)> Select(object? json, string? path, string function, out bool definite)
    {
        var root = Node(json, function);
        var query = JsonPathQuery.Get(path ?? throw Fail.Null(function, 2), function);
        definite = query.IsDefinite;
        return query.Select(root);
    }

    /// <summary>The one element the path selects, or null (none, several, or a JSON null).</summary>
    private static JsonNode? One(object? json, string? path, string function)
    {
        var selected = Select(json, path, function, out _);
        return selected.Count == 1 ? selected[0].Node : null;
    }

    /// <summary>What Java's <c>toString()</c> of the element gives: a string's content, a number's text, else null.</summary>
    private static string? Text(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        }
        : null;

    private static object? ToValue(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => (object)v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when int.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i,
            JsonValueKind.Number when long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
            JsonValueKind.Number => v.GetValue<double>(),
            _ => null,
        },
        _ => (object)node.DeepClone(), // object, not JsonNode: JsonNode's implicit conversions would wrap the values above
    };
}
