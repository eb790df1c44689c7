using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;

namespace SiddhiGen.Runtime.Connectors.Mapping;

/// <summary>
/// The xml source mapper. Default: <c>&lt;events&gt;&lt;event&gt;&lt;symbol&gt;WSO2&lt;/symbol&gt;...&lt;/event&gt;&lt;/events&gt;</c> (or a single
/// <c>&lt;event&gt;</c>). Custom: <c>enclosing.element</c> (XPath) selects the element holding the events (or,
/// with <c>enclosing.element.as.event='true'</c>, the events), <c>@attributes</c> give XPaths relative to an
/// event (<c>symbol</c>, <c>@id</c>, <c>trp:name</c>), <c>namespaces='p=uri,...'</c>.
/// </summary>
public sealed class XmlSourceMapper : IRowSourceMapper
{
    private readonly StreamSchema _schema;
    private readonly string?[]? _paths;
    private readonly string? _enclosing;
    private readonly bool _enclosingIsEvent;
    private readonly bool _failOnMissing;
    private readonly XmlNamespaceManager _namespaces = new(new NameTable());

    public XmlSourceMapper(MapperContext context)
    {
        _schema = context.Schema;
        _paths = context.AttributeMappings();
        _enclosing = context.Options.Get("enclosing.element");
        _enclosingIsEvent = context.Options.GetBool("enclosing.element.as.event", false);
        _failOnMissing = context.Options.GetBool("fail.on.missing.attribute", true);
        foreach (var (prefix, uri) in ConnectorOptions.ParsePairs(context.Options.Get("namespaces"), '='))
        {
            _namespaces.AddNamespace(prefix, uri);
        }
    }

    public void Map(in SourceMessage message, List<object?[]> rows)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(message.GetText());
        }
        catch (XmlException ex)
        {
            throw new MappingException("The message is not valid XML: " + ex.Message, ex);
        }

        var root = document.Root!;
        IEnumerable<XElement> events;
        if (_enclosing is not null)
        {
            var selected = root.XPathSelectElements(_enclosing, _namespaces).ToList();
            if (selected.Count == 0 && root.Parent is null && root.Name.LocalName == _enclosing.TrimStart('/'))
            {
                selected.Add(root);
            }

            if (selected.Count == 0)
            {
                throw new MappingException($"The enclosing element '{_enclosing}' is not in the XML message.");
            }

            events = _enclosingIsEvent ? selected : selected.SelectMany(e => e.Elements());
        }
        else
        {
            events = root.Name.LocalName == "events" ? root.Elements() : [root];
        }

        foreach (var element in events)
        {
            rows.Add(MapEvent(element, message));
        }
    }

    private object?[] MapEvent(XElement element, in SourceMessage message)
    {
        var row = new object?[_schema.Attributes.Length];
        for (var i = 0; i < row.Length; i++)
        {
            var attribute = _schema.Attributes[i];
            string? text;
            var found = true;
            var path = _paths?[i];
            if (path is not null && path.StartsWith("trp:", StringComparison.Ordinal))
            {
                text = message.GetTransportProperty(path[4..]);
            }
            else if (path is not null)
            {
                var result = element.XPathEvaluate(path, _namespaces);
                var node = result is IEnumerable<object> nodes ? nodes.FirstOrDefault() : result;
                found = node is not null;
                text = node switch
                {
                    XElement e => e.IsEmpty || e.Value.Length == 0 ? null : e.Value,
                    XAttribute a => a.Value,
                    null => null,
                    _ => Convert.ToString(node, System.Globalization.CultureInfo.InvariantCulture),
                };
            }
            else
            {
                var child = element.Elements().FirstOrDefault(e => e.Name.LocalName == attribute.Name);
                found = child is not null;
                text = child is null || child.IsEmpty || child.Value.Length == 0 ? null : child.Value;
            }

            if (!found && _failOnMissing)
            {
                throw new MappingException($"The XML event has no value for attribute '{attribute.Name}'.");
            }

            row[i] = ValueParser.Parse(text, attribute.Type, attribute.Name);
        }

        return row;
    }
}

/// <summary>
/// The xml sink mapper: <c>&lt;events&gt;&lt;event&gt;&lt;symbol&gt;WSO2&lt;/symbol&gt;...&lt;/event&gt;&lt;/events&gt;</c> (grouped events
/// share one <c>&lt;events&gt;</c>; a null value is an empty element); <c>enclosing.element</c> renames the root,
/// <c>@payload</c> gives a template, <c>validate.xml</c> checks the result.
/// </summary>
public sealed class XmlSinkMapper : IRowSinkMapper
{
    private readonly StreamSchema _schema;
    private readonly OptionTemplate? _template;
    private readonly string _root;
    private readonly bool _validate;

    public XmlSinkMapper(MapperContext context)
    {
        _schema = context.Schema;
        _root = (context.Options.Get("enclosing.element") ?? "events").Trim().TrimStart('<').TrimEnd('>');
        _validate = context.Options.GetBool("validate.xml", false);
        GroupsEvents = context.Options.GetBool("event.grouping.enabled", true);
        if (context.Spec.Payload.Count > 0)
        {
            _template = OptionTemplate.Parse(context.Spec.Payload[0].Value, _schema, "the @payload of the xml mapper");
        }
    }

    public bool GroupsEvents { get; }

    public object Map(IReadOnlyList<DynamicEvent> events)
    {
        string result;
        if (_template is not null)
        {
            var sb = new StringBuilder();
            foreach (var e in events)
            {
                sb.Append(_template.Format(e.Data, v => v is null ? string.Empty : System.Security.SecurityElement.Escape(SiddhiValues.Format(v))));
            }

            result = events.Count > 1 ? $"<{_root}>{sb}</{_root}>" : sb.ToString();
        }
        else
        {
            var root = new XElement(_root);
            foreach (var e in events)
            {
                var element = new XElement("event");
                for (var i = 0; i < e.Data.Length; i++)
                {
                    element.Add(new XElement(_schema.Attributes[i].Name, e.Data[i] is null ? null : SiddhiValues.Format(e.Data[i])));
                }

                root.Add(element);
            }

            result = root.ToString(SaveOptions.DisableFormatting);
        }

        if (_validate)
        {
            try
            {
                _ = XDocument.Parse(result);
            }
            catch (XmlException ex)
            {
                throw new PublishException("The xml mapper produced invalid XML (validate.xml='true'): " + ex.Message, ex);
            }
        }

        return result;
    }
}
