using Microsoft.Extensions.Configuration;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Hosting;

/// <summary>
/// Reads connectors to attach from configuration, e.g. in appsettings.json:
/// <code>
/// "SiddhiGen": { "Apps": { "TemperatureApp": {
///   "Sources": [ { "Stream": "TempStream", "Type": "file",
///                  "Options": { "file.uri": "${DATA}/tempReadings.csv", "tailing": "false" },
///                  "Map": { "Type": "csv" } } ],
///   "Sinks": [ { "Stream": "AverageTempStream", "Type": "file", "Options": { "file.uri": "averages.json" }, "Map": { "Type": "json" } } ]
/// } } }
/// </code>
/// A connector with <c>"Enabled": false</c> is skipped.
/// </summary>
internal static class ConfiguredConnectors
{
    public static IEnumerable<(string Stream, ConnectorSpec Spec)> Read(IConfiguration section, string kind)
    {
        foreach (var child in section.GetSection(kind).GetChildren())
        {
            if (string.Equals(child["Enabled"], "false", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var stream = child["Stream"] ?? throw new ConnectorConfigurationException($"Configuration '{child.Path}' needs a 'Stream'.");
            var type = child["Type"] ?? throw new ConnectorConfigurationException($"Configuration '{child.Path}' needs a 'Type'.");
            var map = child.GetSection("Map");
            var mapper = new MapperSpec(
                map["Type"] ?? "passThrough",
                Pairs(map.GetSection("Options")),
                Pairs(map.GetSection("Attributes")),
                map["Payload"] is { } template ? [new(string.Empty, template)] : Pairs(map.GetSection("Payload")));
            yield return (stream, new ConnectorSpec(type, Pairs(child.GetSection("Options")), mapper));
        }
    }

    private static List<KeyValuePair<string, string>> Pairs(IConfigurationSection section) =>
        section.GetChildren().Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string>(c.Key, c.Value!)).ToList();
}
