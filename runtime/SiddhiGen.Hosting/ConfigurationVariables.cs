using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;

namespace SiddhiGen.Hosting;

/// <summary>
/// <c>${NAME}</c> values for a hosted app: the options' <see cref="SiddhiAppHostOptions.Variables"/>, then
/// configuration key <c>SiddhiGen:Variables:NAME</c>, then configuration key <c>NAME</c> (which, in a default
/// host, includes environment variables); the runtime falls back to the process environment last.
/// </summary>
internal sealed class ConfigurationVariables(IReadOnlyDictionary<string, string> explicitValues, IConfiguration configuration) : IReadOnlyDictionary<string, string>
{
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => explicitValues.Keys;

    public IEnumerable<string> Values => explicitValues.Values;

    public int Count => explicitValues.Count;

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (explicitValues.TryGetValue(key, out value))
        {
            return true;
        }

        value = configuration["SiddhiGen:Variables:" + key] ?? configuration[key];
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => explicitValues.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
