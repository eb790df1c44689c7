using System.Text.RegularExpressions;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// Resolves <c>${NAME}</c> placeholders in option values, as Siddhi does before parsing an app: first
/// from <see cref="SiddhiAppOptions.Variables"/> (hosting puts <c>IConfiguration</c> there), then from
/// the environment. A name found nowhere fails with Siddhi's message.
/// </summary>
public sealed partial class VariableResolver
{
    private readonly IReadOnlyDictionary<string, string>? _variables;
    private readonly string _appName;

    public VariableResolver(IReadOnlyDictionary<string, string>? variables, string appName)
    {
        _variables = variables;
        _appName = appName;
    }

    /// <summary>Replaces every <c>${NAME}</c> in <paramref name="value"/>.</summary>
    public string Resolve(string value)
    {
        if (!value.Contains("${", StringComparison.Ordinal))
        {
            return value;
        }

        return Placeholder().Replace(value, m => Lookup(m.Groups[1].Value));
    }

    /// <summary>The value of one variable, or an exception with Siddhi's message when it is not defined.</summary>
    public string Lookup(string name)
    {
        if (_variables is not null && _variables.TryGetValue(name, out var value))
        {
            return value;
        }

        return Environment.GetEnvironmentVariable(name)
            ?? throw new ConnectorConfigurationException($"No system or environmental variable found for '${{{name}}}', for Siddhi App '{_appName}'");
    }

    [GeneratedRegex(@"\$\{([\w.:-]+)\}")]
    private static partial Regex Placeholder();
}
