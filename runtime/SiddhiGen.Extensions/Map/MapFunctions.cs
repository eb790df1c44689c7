using System.Text.Json;
using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// siddhi-execution-map 5.0 (<c>map:</c>) over <see cref="SiddhiMap"/> maps. A first argument that is not a map fails;
/// <c>isMap</c> and <c>map:create</c> accept anything.
/// </summary>
public static class MapFunctions
{
    [SiddhiFunction("map:clear")]
    public static object Clear(object? map)
    {
        var m = SiddhiMap.Of(map, "map:clear");
        m.Clear();
        return m;
    }

    /// <summary>A shallow copy.</summary>
    [SiddhiFunction("map:clone")]
    public static object Clone(object? map) => new Dictionary<object, object?>(SiddhiMap.Of(map, "map:clone"));

    /// <summary>Every key of the maps mapped to the list of its values in each map (null where a map lacks it).</summary>
    [SiddhiFunction("map:combineByKey")]
    public static object CombineByKey(params object?[] maps)
    {
        if (maps.Length < 2)
        {
            throw Fail.Because("map:combineByKey", "At least two maps are needed");
        }

        var all = maps.Select((m, i) => SiddhiMap.Of(m, "map:combineByKey", i + 1)).ToList();
        var combined = SiddhiMap.New();
        foreach (var key in all.SelectMany(m => m.Keys).Distinct())
        {
            combined[key] = all.Select(m => m.TryGetValue(key, out var v) ? v : null).ToList();
        }

        return combined;
    }

    [SiddhiFunction("map:containsKey")]
    public static bool ContainsKey(object? map, object? key) => key is not null && SiddhiMap.Of(map, "map:containsKey").ContainsKey(key);

    [SiddhiFunction("map:containsValue")]
    public static bool ContainsValue(object? map, object? value) => SiddhiMap.Of(map, "map:containsValue").Values.Contains(value);

    /// <summary>A map of the key/value pairs given (none for an empty map).</summary>
    [SiddhiFunction("map:create")]
    public static object Create(params object?[] keysAndValues)
    {
        if (keysAndValues.Length % 2 != 0)
        {
            throw Fail.Because("map:create", "Keys and values must come in pairs, but " + keysAndValues.Length + " arguments were given");
        }

        var map = SiddhiMap.New();
        for (var i = 0; i < keysAndValues.Length; i += 2)
        {
            map[SiddhiMap.Key(keysAndValues[i], "map:create")] = keysAndValues[i + 1];
        }

        return map;
    }

    /// <summary>A map from a JSON object: nested objects are maps, arrays lists, integers INT or LONG, other numbers DOUBLE.</summary>
    [SiddhiFunction("map:createFromJSON")]
    public static object? CreateFromJSON(string? json)
    {
        if (json is null)
        {
            throw Fail.Null("map:createFromJSON", 1);
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? JsonValues.ToSiddhi(document.RootElement)
                : throw Fail.Because("map:createFromJSON", "The JSON text is not an object: " + json);
        }
        catch (JsonException ex)
        {
            throw Fail.Because("map:createFromJSON", "Invalid JSON: " + ex.Message, ex);
        }
    }

    /// <summary>The value of <paramref name="key"/>, or null (or the default value given) when the map has none.</summary>
    [SiddhiFunction("map:get")]
    public static object? Get(object? map, object? key) => key is not null && SiddhiMap.Of(map, "map:get").TryGetValue(key, out var v) ? v : null;

    [SiddhiFunction("map:get")]
    public static object? Get(object? map, object? key, object? defaultValue) => key is not null && SiddhiMap.Of(map, "map:get").TryGetValue(key, out var v) ? v : defaultValue;

    [SiddhiFunction("map:isEmpty")]
    public static bool IsEmpty(object? map) => SiddhiMap.Of(map, "map:isEmpty").Count == 0;

    [SiddhiFunction("map:isMap")]
    public static bool IsMap(object? arg) => arg is IDictionary<object, object?>;

    /// <summary>The keys as a list.</summary>
    [SiddhiFunction("map:keys")]
    public static object Keys(object? map) => SiddhiMap.Of(map, "map:keys").Keys.Cast<object?>().ToList();

    [SiddhiFunction("map:put")]
    public static object Put(object? map, object? key, object? value)
    {
        var m = SiddhiMap.Of(map, "map:put");
        m[SiddhiMap.Key(key, "map:put")] = value;
        return m;
    }

    [SiddhiFunction("map:putAll")]
    public static object PutAll(object? toMap, object? fromMap)
    {
        var to = SiddhiMap.Of(toMap, "map:putAll");
        foreach (var pair in SiddhiMap.Of(fromMap, "map:putAll", 2))
        {
            to[pair.Key] = pair.Value;
        }

        return to;
    }

    [SiddhiFunction("map:putIfAbsent")]
    public static object PutIfAbsent(object? map, object? key, object? value)
    {
        var m = SiddhiMap.Of(map, "map:putIfAbsent");
        m.TryAdd(SiddhiMap.Key(key, "map:putIfAbsent"), value);
        return m;
    }

    [SiddhiFunction("map:remove")]
    public static object Remove(object? map, object? key)
    {
        var m = SiddhiMap.Of(map, "map:remove");
        if (key is not null)
        {
            m.Remove(key);
        }

        return m;
    }

    /// <summary>Sets the value of a key the map already has (nothing otherwise).</summary>
    [SiddhiFunction("map:replace")]
    public static object Replace(object? map, object? key, object? value)
    {
        var m = SiddhiMap.Of(map, "map:replace");
        if (key is not null && m.ContainsKey(key))
        {
            m[key] = value;
        }

        return m;
    }

    /// <summary>Sets, for each key both maps have, the value of <paramref name="fromMap"/>.</summary>
    [SiddhiFunction("map:replaceAll")]
    public static object ReplaceAll(object? toMap, object? fromMap)
    {
        var to = SiddhiMap.Of(toMap, "map:replaceAll");
        foreach (var pair in SiddhiMap.Of(fromMap, "map:replaceAll", 2))
        {
            if (to.ContainsKey(pair.Key))
            {
                to[pair.Key] = pair.Value;
            }
        }

        return to;
    }

    [SiddhiFunction("map:size")]
    public static int Size(object? map) => SiddhiMap.Of(map, "map:size").Count;

    /// <summary>The map as a JSON object (org.json's form: numbers without a trailing <c>.0</c>).</summary>
    [SiddhiFunction("map:toJSON")]
    public static string ToJSON(object? map) => JsonValues.Write(SiddhiMap.Of(map, "map:toJSON"));

    /// <summary>The values as a list.</summary>
    [SiddhiFunction("map:values")]
    public static object Values(object? map) => SiddhiMap.Of(map, "map:values").Values.ToList();
}
