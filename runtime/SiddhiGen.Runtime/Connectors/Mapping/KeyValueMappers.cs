using System.Collections;

namespace SiddhiGen.Runtime.Connectors.Mapping;

/// <summary>
/// The keyvalue source mapper: the message is a map (<c>IDictionary</c>, <c>IReadOnlyDictionary&lt;string, object?&gt;</c>).
/// Default: the key is the attribute name; <c>@attributes(symbol='key')</c> renames; values must have
/// the attribute's type unless <c>implicit.cast.enable='true'</c>; <c>fail.on.missing.attribute</c> (true).
/// </summary>
public sealed class KeyValueSourceMapper : IRowSourceMapper
{
    private readonly StreamSchema _schema;
    private readonly string[] _keys;
    private readonly bool _failOnMissing;
    private readonly bool _implicitCast;

    public KeyValueSourceMapper(MapperContext context)
    {
        _schema = context.Schema;
        var mappings = context.AttributeMappings();
        _keys = _schema.Attributes.Select((a, i) => mappings?[i] ?? a.Name).ToArray();
        _failOnMissing = context.Options.GetBool("fail.on.missing.attribute", true);
        _implicitCast = context.Options.GetBool("implicit.cast.enable", false);
    }

    public void Map(in SourceMessage message, List<object?[]> rows)
    {
        switch (message.Value)
        {
            case IEnumerable<IReadOnlyDictionary<string, object?>> many:
                foreach (var map in many)
                {
                    rows.Add(MapOne(k => map.TryGetValue(k, out var v) ? (true, v) : (false, null)));
                }

                break;
            case IReadOnlyDictionary<string, object?> map:
                rows.Add(MapOne(k => map.TryGetValue(k, out var v) ? (true, v) : (false, null)));
                break;
            case IDictionary dictionary:
                rows.Add(MapOne(k => dictionary.Contains(k) ? (true, dictionary[k]) : (false, null)));
                break;
            default:
                throw new MappingException($"The keyvalue mapper needs a map, but the message is {(message.Kind == SourceMessageKind.Object ? message.Value?.GetType().Name : message.Kind.ToString().ToLowerInvariant())}.");
        }
    }

    private object?[] MapOne(Func<string, (bool Found, object? Value)> lookup)
    {
        var row = new object?[_schema.Attributes.Length];
        for (var i = 0; i < row.Length; i++)
        {
            var attribute = _schema.Attributes[i];
            var (found, value) = lookup(_keys[i]);
            if (!found)
            {
                if (_failOnMissing)
                {
                    throw new MappingException($"The map has no key '{_keys[i]}' for attribute '{attribute.Name}'.");
                }

                continue;
            }

            row[i] = ValueParser.Convert(value, attribute.Type, attribute.Name, _implicitCast);
        }

        return row;
    }
}

/// <summary>
/// The keyvalue sink mapper: each event becomes a <c>Dictionary&lt;string, object?&gt;</c>, keyed by attribute
/// name, or by <c>@payload(key='attribute')</c>.
/// </summary>
public sealed class KeyValueSinkMapper : IRowSinkMapper
{
    private readonly (string Key, int Attribute, OptionTemplate? Template)[] _entries;

    public KeyValueSinkMapper(MapperContext context)
    {
        var schema = context.Schema;
        _entries = context.Spec.Payload.Count == 0
            ? schema.Attributes.Select((a, i) => (a.Name, i, (OptionTemplate?)null)).ToArray()
            : context.Spec.Payload.Select(p =>
            {
                var index = schema.IndexOf(p.Value.Trim());
                return index >= 0
                    ? (p.Key, index, null)
                    : (p.Key, -1, OptionTemplate.Parse(p.Value, schema, "the @payload of the keyvalue mapper"));
            }).ToArray();
    }

    public bool GroupsEvents => false;

    public object Map(IReadOnlyList<DynamicEvent> events)
    {
        var row = events[0].Data;
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, attribute, template) in _entries)
        {
            map[key] = template is null ? row[attribute] : template.Format(row);
        }

        return map;
    }
}
