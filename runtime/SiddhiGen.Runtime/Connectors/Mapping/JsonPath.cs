using System.Globalization;
using System.Text.Json.Nodes;

namespace SiddhiGen.Runtime.Connectors.Mapping;

/// <summary>
/// The JSONPath subset Siddhi's json mapper documents: <c>$</c>, <c>.name</c>, <c>['name']</c>,
/// <c>[n]</c> and <c>[*]</c>/<c>.*</c>. A path without <c>$</c> is relative to the node it is evaluated on.
/// </summary>
public sealed class JsonPath
{
    private readonly Step[] _steps;

    private JsonPath(string text, Step[] steps)
    {
        Text = text;
        _steps = steps;
    }

    public string Text { get; }

    public static JsonPath Parse(string text)
    {
        var steps = new List<Step>();
        var s = text.Trim();
        var i = 0;
        if (s.StartsWith('$'))
        {
            i = 1;
        }
        else if (s.Length > 0 && s[0] != '.' && s[0] != '[')
        {
            s = "." + s;
        }

        while (i < s.Length)
        {
            if (s[i] == '.')
            {
                i++;
                var start = i;
                while (i < s.Length && s[i] != '.' && s[i] != '[')
                {
                    i++;
                }

                var name = s[start..i];
                if (name.Length == 0)
                {
                    throw new ConnectorConfigurationException($"JSONPath '{text}' has an empty name.");
                }

                steps.Add(name == "*" ? new Step(null, -1, true) : new Step(name, -1, false));
            }
            else if (s[i] == '[')
            {
                var close = s.IndexOf(']', i);
                if (close < 0)
                {
                    throw new ConnectorConfigurationException($"JSONPath '{text}' has an unclosed '['.");
                }

                var inner = s[(i + 1)..close].Trim();
                if (inner == "*")
                {
                    steps.Add(new Step(null, -1, true));
                }
                else if (inner.Length >= 2 && (inner[0] == '\'' || inner[0] == '"'))
                {
                    steps.Add(new Step(inner[1..^1], -1, false));
                }
                else if (int.TryParse(inner, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
                {
                    steps.Add(new Step(null, index, false));
                }
                else
                {
                    throw new ConnectorConfigurationException($"JSONPath '{text}': '[{inner}]' is not supported (use names, indexes or *).");
                }

                i = close + 1;
            }
            else
            {
                throw new ConnectorConfigurationException($"JSONPath '{text}' is not valid at position {i}.");
            }
        }

        return new JsonPath(text, [.. steps]);
    }

    /// <summary>The nodes the path selects from <paramref name="root"/> (a JSON null selected is a null entry).</summary>
    public List<JsonNode?> Select(JsonNode? root)
    {
        var current = new List<JsonNode?> { root };
        foreach (var step in _steps)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                switch (node)
                {
                    case JsonObject obj when step.Wildcard:
                        next.AddRange(obj.Select(p => p.Value));
                        break;
                    case JsonArray array when step.Wildcard:
                        next.AddRange(array);
                        break;
                    case JsonObject obj when step.Name is not null:
                        if (obj.TryGetPropertyValue(step.Name, out var value))
                        {
                            next.Add(value);
                        }

                        break;
                    case JsonArray array when step.Index >= 0:
                        if (step.Index < array.Count)
                        {
                            next.Add(array[step.Index]);
                        }

                        break;
                }
            }

            current = next;
        }

        return current;
    }

    /// <summary>The single node selected, or <paramref name="found"/> false when nothing matches.</summary>
    public JsonNode? SelectSingle(JsonNode? root, out bool found)
    {
        var nodes = Select(root);
        found = nodes.Count > 0;
        return found ? nodes[0] : null;
    }

    public override string ToString() => Text;

    private readonly record struct Step(string? Name, int Index, bool Wildcard);
}
