using System.Globalization;
using System.Text.RegularExpressions;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// The options of a connector or mapper as the connector reads them: <c>${VAR}</c> placeholders
/// resolved, typed getters with Siddhi's defaults, and clear errors naming the option and connector.
/// Values holding <c>{{attr}}</c> templates are dynamic: read them per event with <see cref="GetTemplate"/>.
/// </summary>
public sealed partial class ConnectorOptions
{
    private readonly IReadOnlyDictionary<string, string> _raw;
    private readonly VariableResolver _variables;

    public ConnectorOptions(IReadOnlyDictionary<string, string> raw, VariableResolver variables, string owner)
    {
        _raw = raw;
        _variables = variables;
        Owner = owner;
    }

    /// <summary>What these options belong to, for messages: <c>"the http source of 'S'"</c>.</summary>
    public string Owner { get; }

    public IEnumerable<string> Keys => _raw.Keys;

    public bool Contains(string key) => _raw.ContainsKey(key);

    /// <summary>The value with <c>${VAR}</c> placeholders resolved, or null when the option is absent.</summary>
    public string? Get(string key) => _raw.TryGetValue(key, out var value) ? _variables.Resolve(value) : null;

    public string Get(string key, string defaultValue) => Get(key) ?? defaultValue;

    public string GetRequired(string key) =>
        Get(key) ?? throw new ConnectorConfigurationException($"Option '{key}' of {Owner} is required.");

    public bool GetBool(string key, bool defaultValue)
    {
        var value = Get(key);
        if (value is null)
        {
            return defaultValue;
        }

        return bool.TryParse(value.Trim(), out var b)
            ? b
            : throw new ConnectorConfigurationException($"Option '{key}' of {Owner} must be true or false, not '{value}'.");
    }

    public int GetInt(string key, int defaultValue)
    {
        var value = Get(key);
        if (value is null)
        {
            return defaultValue;
        }

        return int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
            ? i
            : throw new ConnectorConfigurationException($"Option '{key}' of {Owner} must be an int, not '{value}'.");
    }

    public long GetLong(string key, long defaultValue)
    {
        var value = Get(key);
        if (value is null)
        {
            return defaultValue;
        }

        return long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
            ? l
            : throw new ConnectorConfigurationException($"Option '{key}' of {Owner} must be a long, not '{value}'.");
    }

    /// <summary>One of <paramref name="allowed"/> (compared case-insensitively), returned lower-cased.</summary>
    public string GetChoice(string key, string defaultValue, params string[] allowed)
    {
        var value = (Get(key) ?? defaultValue).Trim();
        foreach (var a in allowed)
        {
            if (string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
            {
                return a.ToLowerInvariant();
            }
        }

        throw new ConnectorConfigurationException($"Option '{key}' of {Owner} must be one of {string.Join(", ", allowed)}, not '{value}'.");
    }

    /// <summary>True when the option's value holds a <c>{{attr}}</c> template (Siddhi's dynamic options).</summary>
    public bool IsDynamic(string key) => _raw.TryGetValue(key, out var value) && OptionTemplate.HasPlaceholders(value);

    /// <summary>The option as a template over the stream's attributes (a constant when it has no <c>{{...}}</c>).</summary>
    public OptionTemplate? GetTemplate(string key, StreamSchema schema)
    {
        var value = Get(key);
        return value is null ? null : OptionTemplate.Parse(value, schema, $"option '{key}' of {Owner}");
    }

    /// <summary>Splits a <c>'k:v','k:v'</c> or <c>k:v,k:v</c> list (headers, optional.configuration).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParsePairs(string? value, char separator = ':')
    {
        var result = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return result;
        }

        foreach (var match in PairList().EnumerateMatches(value))
        {
            var item = value.Substring(match.Index, match.Length).Trim().Trim('\'', '"').Trim();
            if (item.Length == 0)
            {
                continue;
            }

            var at = item.IndexOf(separator);
            result.Add(at < 0 ? new(item, string.Empty) : new(item[..at].Trim(), item[(at + 1)..].Trim()));
        }

        return result;
    }

    /// <summary>Items of a comma-separated list; a quoted item may hold commas.</summary>
    [GeneratedRegex("""'[^']*'|"[^"]*"|[^,]+""")]
    private static partial Regex PairList();
}

/// <summary>A connector or mapper is configured wrongly (missing or invalid option, unknown type).</summary>
public sealed class ConnectorConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
