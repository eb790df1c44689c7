using System.Text;
using System.Text.RegularExpressions;

namespace SiddhiGen.Runtime.Connectors.Mapping;

/// <summary>
/// The text source mapper. Default: <c>symbol:"WSO2",price:55.6,volume:100</c> (strings in single or
/// double quotes; events of one message separated by a line <c>~~~~~~~~~~</c>). Custom: regexes in
/// <c>regex.X</c> options and <c>@attributes(symbol='X[1]')</c> naming a group of a regex, or
/// <c>trp:name</c> for a transport property.
/// </summary>
public sealed class TextSourceMapper : IRowSourceMapper
{
    internal const string EventSeparator = "~~~~~~~~~~";
    private readonly StreamSchema _schema;
    private readonly bool _failOnMissing;
    private readonly (Regex Regex, int Group)?[]? _custom;
    private readonly string?[]? _transport;

    public TextSourceMapper(MapperContext context)
    {
        _schema = context.Schema;
        _failOnMissing = context.Options.GetBool("fail.on.missing.attribute", true);
        var mappings = context.AttributeMappings();
        if (mappings is null)
        {
            return;
        }

        var regexes = new Dictionary<string, Regex>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in context.Options.Keys)
        {
            if (key.StartsWith("regex.", StringComparison.OrdinalIgnoreCase))
            {
                regexes[key[6..]] = new Regex(context.Options.Get(key)!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }

        _custom = new (Regex, int)?[mappings.Length];
        _transport = new string?[mappings.Length];
        for (var i = 0; i < mappings.Length; i++)
        {
            if (mappings[i] is not { } m)
            {
                continue;
            }

            if (m.StartsWith("trp:", StringComparison.Ordinal))
            {
                _transport[i] = m[4..];
                continue;
            }

            var match = Regex.Match(m, @"^\s*(\w+)\[(\d+)\]\s*$");
            if (!match.Success || !regexes.TryGetValue(match.Groups[1].Value, out var regex))
            {
                throw new ConnectorConfigurationException($"@attributes of the text mapper: '{m}' must name a group of a regex option, e.g. regex.A='(\\w+)' and 'A[1]'.");
            }

            _custom[i] = (regex, int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Map(in SourceMessage message, List<object?[]> rows)
    {
        var text = message.GetText();
        foreach (var part in text.Split(EventSeparator))
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            rows.Add(_custom is null ? MapDefault(part) : MapCustom(part, message));
        }
    }

    private object?[] MapCustom(string text, in SourceMessage message)
    {
        var row = new object?[_schema.Attributes.Length];
        for (var i = 0; i < row.Length; i++)
        {
            var attribute = _schema.Attributes[i];
            if (_transport![i] is { } property)
            {
                row[i] = ValueParser.Parse(message.GetTransportProperty(property), attribute.Type, attribute.Name);
                continue;
            }

            if (_custom![i] is not { } c)
            {
                continue;
            }

            var match = c.Regex.Match(text);
            if (!match.Success || c.Group >= match.Groups.Count || !match.Groups[c.Group].Success)
            {
                if (_failOnMissing)
                {
                    throw new MappingException($"The regex '{c.Regex}' of attribute '{attribute.Name}' does not match the message.");
                }

                continue;
            }

            row[i] = ValueParser.Parse(match.Groups[c.Group].Value, attribute.Type, attribute.Name);
        }

        return row;
    }

    private object?[] MapDefault(string text)
    {
        var values = new Dictionary<string, (string Value, bool Quoted)>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ','))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var colon = text.IndexOf(':', i);
            if (colon < 0)
            {
                throw new MappingException("The text message is not 'name:value,...': " + text.Trim());
            }

            var key = text[i..colon].Trim();
            i = colon + 1;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i < text.Length && (text[i] == '"' || text[i] == '\''))
            {
                var quote = text[i];
                var end = text.IndexOf(quote, i + 1);
                if (end < 0)
                {
                    throw new MappingException($"The value of '{key}' has no closing {quote}.");
                }

                values[key] = (text[(i + 1)..end], true);
                i = end + 1;
            }
            else
            {
                var end = text.IndexOfAny([',', '\n'], i);
                end = end < 0 ? text.Length : end;
                values[key] = (text[i..end].Trim(), false);
                i = end;
            }
        }

        var row = new object?[_schema.Attributes.Length];
        for (var a = 0; a < row.Length; a++)
        {
            var attribute = _schema.Attributes[a];
            if (!values.TryGetValue(attribute.Name, out var v))
            {
                if (_failOnMissing)
                {
                    throw new MappingException($"The text message has no attribute '{attribute.Name}'.");
                }

                continue;
            }

            row[a] = !v.Quoted && v.Value == "null" ? null : ValueParser.Parse(v.Value, attribute.Type, attribute.Name);
        }

        return row;
    }
}

/// <summary>
/// The text sink mapper. Default: <c>symbol:"WSO2",price:55.6,volume:100</c>, grouped events separated
/// by a line <c>~~~~~~~~~~</c>; <c>@payload('...{{symbol}}...')</c> for a template.
/// </summary>
public sealed class TextSinkMapper : IRowSinkMapper
{
    private readonly StreamSchema _schema;
    private readonly OptionTemplate? _template;

    public TextSinkMapper(MapperContext context)
    {
        _schema = context.Schema;
        GroupsEvents = context.Options.GetBool("event.grouping.enabled", false);
        if (context.Spec.Payload.Count > 0)
        {
            _template = OptionTemplate.Parse(context.Spec.Payload[0].Value, _schema, "the @payload of the text mapper");
        }
    }

    public bool GroupsEvents { get; }

    public object Map(IReadOnlyList<DynamicEvent> events)
    {
        var sb = new StringBuilder();
        for (var e = 0; e < events.Count; e++)
        {
            if (e > 0)
            {
                sb.Append('\n').Append(TextSourceMapper.EventSeparator).Append('\n');
            }

            var row = events[e].Data;
            if (_template is not null)
            {
                sb.Append(_template.Format(row));
                continue;
            }

            for (var i = 0; i < row.Length; i++)
            {
                sb.Append(i > 0 ? "," : string.Empty).Append(_schema.Attributes[i].Name).Append(':');
                sb.Append(row[i] is string s ? "\"" + s + "\"" : SiddhiValues.Format(row[i]));
            }
        }

        return sb.ToString();
    }
}
