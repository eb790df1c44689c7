using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Binds the <c>@source</c>, <c>@sink</c> and <c>@OnError</c> annotations of a stream: checks the connector
/// and mapper types and their parameters against <see cref="ConnectorCatalog"/>, the attributes named in
/// <c>@attributes</c>, <c>@payload</c> and <c>{{attr}}</c> templates, and collects what the runtime connector
/// is created with. Diagnostics point at the offending annotation or element.
/// </summary>
internal sealed class ConnectorBinder
{
    /// <summary>The option carrying the stream's <c>@OnError</c> action to its sources (never written by users: '@' cannot start a key).</summary>
    internal const string OnErrorOption = "@onerror";

    private readonly BindingContext _context;
    private string _stream = string.Empty;
    private Dictionary<string, AttributeType> _attributes = new(StringComparer.Ordinal);
    private List<string> _attributeOrder = new();
    private string _onError = "LOG";

    public ConnectorBinder(BindingContext context) => _context = context;

    /// <summary>True when the stream being bound needs its fault stream <c>!S</c> (<c>@OnError(action='STREAM')</c> or a sink with <c>on.error='STREAM'</c>).</summary>
    public bool NeedsFaultStream { get; private set; }

    /// <summary>True when the stream being bound has <c>@OnError(action='STREAM')</c>: its failed events go to <c>!S</c>.</summary>
    public bool RoutesErrorsToFaultStream => _onError == "STREAM";

    /// <summary>Starts the annotations of one stream: remembers its attributes and looks ahead for <c>@OnError</c> and <c>on.error</c>.</summary>
    public void BeginStream(StreamDefinitionSyntax stream)
    {
        _stream = stream.Name.Text;
        _attributes = new Dictionary<string, AttributeType>(StringComparer.Ordinal);
        _attributeOrder = new List<string>();
        foreach (var attribute in stream.Attributes)
        {
            if (!_attributes.ContainsKey(attribute.Name.Text))
            {
                _attributes.Add(attribute.Name.Text, (AttributeType)(int)attribute.Type.Type);
                _attributeOrder.Add(attribute.Name.Text);
            }
        }

        _onError = "LOG";
        NeedsFaultStream = false;
        foreach (var annotation in stream.Annotations)
        {
            var name = annotation.Name.Text;
            if (Is(name, "onerror"))
            {
                _onError = (Element(annotation, "action") ?? "LOG").Trim().ToUpperInvariant();
                NeedsFaultStream |= _onError == "STREAM";
            }
            else if (Is(name, "sink"))
            {
                NeedsFaultStream |= string.Equals(Element(annotation, "on.error")?.Trim(), "STREAM", StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>Checks <c>@OnError(action='LOG'|'STREAM')</c>.</summary>
    public void BindOnError(AnnotationSyntax annotation)
    {
        foreach (var element in annotation.Elements)
        {
            if (element.Key is not null && !Is(element.Key.Text, "action"))
            {
                _context.Report(DiagnosticDescriptors.UnknownConnectorParameter, element.Span, element.Key.Text, "@OnError", "action");
            }
        }

        var action = Element(annotation, "action");
        switch (action?.Trim().ToUpperInvariant())
        {
            case null:
                _context.Report(DiagnosticDescriptors.MissingConnectorParameter, annotation.Span, "@OnError", "action");
                break;
            case "LOG" or "STREAM":
                break;
            case "STORE":
                _context.NotSupported("@OnError(action='STORE')", annotation.Span);
                break;
            default:
                _context.Report(DiagnosticDescriptors.InvalidConnectorParameterValue, annotation.Span, "action", "@OnError", "LOG or STREAM", action);
                break;
        }
    }

    /// <summary>Binds one <c>@source</c> or <c>@sink</c> of the stream begun with <see cref="BeginStream"/>.</summary>
    public ConnectorSpec? Bind(string streamName, AnnotationSyntax annotation)
    {
        _ = streamName;
        var isSource = Is(annotation.Name.Text, "source");
        var kind = isSource ? "source" : "sink";
        var ok = CheckPositional(annotation, "@" + kind);
        var type = Element(annotation, "type");
        if (type is null)
        {
            _context.Report(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, isSource ? "@source needs a type, e.g. @source(type='http')" : "@sink needs a type, e.g. @sink(type='log')");
            return null;
        }

        var catalog = isSource ? ConnectorCatalog.Sources : ConnectorCatalog.Sinks;
        if (!catalog.TryGetValue(type, out var entry))
        {
            _context.Report(isSource ? DiagnosticDescriptors.UnknownSourceType : DiagnosticDescriptors.UnknownSinkType, annotation.Span, type);
            return null;
        }

        if (!entry.Implemented)
        {
            _context.NotSupported(kind + " type '" + type + "'", annotation.Span);
            return null;
        }

        var owner = type + " " + kind;
        var distributed = !isSource && annotation.Annotations.Any(a => Is(a.Name.Text, "distribution"));
        ok &= CheckParameters(annotation, entry, owner, skip: "type", checkMandatory: !distributed);
        if (isSource && entry.Type == "file")
        {
            var hasFile = Element(annotation, "file.uri") is not null;
            var hasDir = Element(annotation, "dir.uri") is not null;
            if (hasFile == hasDir)
            {
                _context.Report(DiagnosticDescriptors.ConflictingConnectorParameters, annotation.Span, owner, "file.uri", "dir.uri");
                ok = false;
            }
        }

        if (!isSource)
        {
            if (string.Equals(Element(annotation, "on.error")?.Trim(), "STORE", StringComparison.OrdinalIgnoreCase))
            {
                _context.NotSupported("on.error='STORE'", annotation.Span);
                ok = false;
            }

            foreach (var element in annotation.Elements)
            {
                if (element.Key is not null && !Is(element.Key.Text, "type"))
                {
                    ok &= CheckTemplate(element.Value.Value, element.Span, "parameter '" + element.Key.Text + "'");
                }
            }
        }

        AnnotationSyntax? map = null;
        foreach (var nested in annotation.Annotations)
        {
            if (Is(nested.Name.Text, "map") && map is null)
            {
                map = nested;
            }
            else if (!isSource && Is(nested.Name.Text, "distribution"))
            {
                _context.NotSupported("@distribution", nested.Span);
                ok = false;
            }
            else
            {
                _context.Report(DiagnosticDescriptors.InvalidAnnotation, nested.Span, $"@{nested.Name.Text} is not allowed in @{kind}; use @map(...)" + (isSource ? string.Empty : " or @distribution(...)"));
                ok = false;
            }
        }

        var mapper = BindMapper(map, isSource, entry.Type, owner, ref ok);
        if (!ok || mapper is null)
        {
            return null;
        }

        var options = Options(annotation);
        if (isSource && _onError == "STREAM")
        {
            options.Add(new OptionSpec(OnErrorOption, "STREAM"));
        }

        return new ConnectorSpec(_stream, isSource ? ConnectorKind.Source : ConnectorKind.Sink, entry.Type, new EquatableArray<OptionSpec>(options), mapper);
    }

    private MapperSpec? BindMapper(AnnotationSyntax? map, bool isSource, string connectorType, string owner, ref bool ok)
    {
        var mapType = map is null ? "passThrough" : Element(map, "type") ?? "passThrough";
        var catalog = isSource ? ConnectorCatalog.SourceMappers : ConnectorCatalog.SinkMappers;
        if (!catalog.TryGetValue(mapType, out var entry))
        {
            _context.Report(DiagnosticDescriptors.UnknownMapperType, map!.Span, mapType, isSource ? "source" : "sink");
            return null;
        }

        if (!entry.Implemented)
        {
            _context.NotSupported((isSource ? "source" : "sink") + " mapper '" + mapType + "'", map!.Span);
            return null;
        }

        if (connectorType == "tcp" && entry.Type is "passThrough" or "keyvalue")
        {
            _context.Report(DiagnosticDescriptors.InvalidConnectorParameterValue, map?.Span ?? default, "type", "@map of the " + owner, "json, text, csv, xml or binary (events cross a socket as bytes)", entry.Type);
            ok = false;
            return null;
        }

        var mapOwner = entry.Type + " " + (isSource ? "source" : "sink") + " mapper";
        var attributes = new List<OptionSpec>();
        var payload = new List<OptionSpec>();
        if (map is not null)
        {
            ok &= CheckPositional(map, "@map");
            ok &= CheckParameters(map, entry, mapOwner, skip: "type");
            if (entry.Type == "avro")
            {
                ok &= CheckAvro(map);
            }
            foreach (var nested in map.Annotations)
            {
                if (isSource && Is(nested.Name.Text, "attributes"))
                {
                    ok &= BindAttributes(nested, entry.Type, attributes);
                }
                else if (!isSource && Is(nested.Name.Text, "payload"))
                {
                    ok &= BindPayload(nested, entry.Type, payload);
                }
                else
                {
                    _context.Report(DiagnosticDescriptors.InvalidAnnotation, nested.Span, $"@{nested.Name.Text} is not allowed in the @map of a {(isSource ? "source" : "sink")}; use " + (isSource ? "@attributes(...)" : "@payload(...)"));
                    ok = false;
                }
            }
        }

        return new MapperSpec(
            entry.Type,
            new EquatableArray<OptionSpec>(map is null ? new List<OptionSpec>() : Options(map)),
            new EquatableArray<OptionSpec>(attributes),
            new EquatableArray<OptionSpec>(payload));
    }

    /// <summary>The avro mapper runs with schema.def or its generated schema; the schema registry has no runtime yet.</summary>
    private bool CheckAvro(AnnotationSyntax map)
    {
        var ok = true;
        foreach (var element in map.Elements)
        {
            var key = element.Key?.Text ?? string.Empty;
            if (Is(key, "schema.registry") || Is(key, "schema.id")
                || ((Is(key, "use.avro.serializer") || Is(key, "use.avro.deserializer")) && string.Equals(Value(element.Value).Trim(), "true", StringComparison.OrdinalIgnoreCase)))
            {
                _context.NotSupported("avro " + key, element.Span);
                ok = false;
            }
        }

        foreach (var nested in map.Annotations.Where(a => Is(a.Name.Text, "payload")))
        {
            _context.NotSupported("@payload of the avro mapper", nested.Span);
            ok = false;
        }

        return ok;
    }

    private bool BindAttributes(AnnotationSyntax annotation, string mapType, List<OptionSpec> attributes)
    {
        if (mapType == "binary")
        {
            _context.Report(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, "The binary mapper does not support custom mapping (@attributes): its messages carry every attribute in stream order");
            return false;
        }

        var ok = true;
        var keyed = annotation.Elements.Count(e => e.Key is not null);
        if (keyed != 0 && keyed != annotation.Elements.Length)
        {
            _context.Report(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, "@attributes must be all keyed (attribute='mapping') or all positional");
            return false;
        }

        if (keyed == 0 && annotation.Elements.Length != _attributeOrder.Count)
        {
            _context.Report(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, $"@attributes has {annotation.Elements.Length} positional mappings, but stream '{_stream}' has {_attributeOrder.Count} attributes");
            return false;
        }

        if (keyed != 0)
        {
            // As in Siddhi: once @attributes is given, every attribute of the stream needs a mapping.
            var mapped = new HashSet<string>(annotation.Elements.Select(e => e.Key!.Text), StringComparer.Ordinal);
            foreach (var attribute in _attributeOrder.Where(a => !mapped.Contains(a)))
            {
                _context.Report(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, $"Attribute '{attribute}' of stream '{_stream}' is not mapped in @attributes");
                ok = false;
            }
        }

        foreach (var element in annotation.Elements)
        {
            if (element.Key is not null && !_attributes.ContainsKey(element.Key.Text))
            {
                _context.Report(DiagnosticDescriptors.UnknownMappedAttribute, element.Span, element.Key.Text, "@attributes", _stream);
                ok = false;
                continue;
            }

            var value = Value(element.Value);
            if (mapType == "csv" && !value.StartsWith("trp:", StringComparison.Ordinal) && !IsIndex(value))
            {
                _context.Report(DiagnosticDescriptors.InvalidConnectorParameterValue, element.Span, element.Key?.Text ?? value, "@attributes of the csv mapper", "a column index (0, 1, ...)", value);
                ok = false;
            }

            attributes.Add(new OptionSpec(element.Key?.Text ?? string.Empty, value));
        }

        return ok;
    }

    private bool BindPayload(AnnotationSyntax annotation, string mapType, List<OptionSpec> payload)
    {
        if (mapType == "binary")
        {
            _context.Report(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, "The binary mapper does not support @payload: it writes every attribute in stream order");
            return false;
        }

        var ok = true;
        foreach (var element in annotation.Elements)
        {
            var value = Value(element.Value);
            if (element.Key is null)
            {
                if (mapType is "csv" or "keyvalue")
                {
                    _context.Report(DiagnosticDescriptors.InvalidAnnotation, element.Span, $"@payload of the {mapType} mapper takes key='value' pairs");
                    ok = false;
                    continue;
                }

                ok &= CheckTemplate(value, element.Span, "@payload");
                payload.Add(new OptionSpec(string.Empty, value));
                continue;
            }

            if (mapType == "csv")
            {
                if (!_attributes.ContainsKey(element.Key.Text))
                {
                    _context.Report(DiagnosticDescriptors.UnknownMappedAttribute, element.Span, element.Key.Text, "@payload", _stream);
                    ok = false;
                }
                else if (!IsIndex(value))
                {
                    _context.Report(DiagnosticDescriptors.InvalidConnectorParameterValue, element.Span, element.Key.Text, "@payload of the csv mapper", "an output position (0, 1, ...)", value);
                    ok = false;
                }
            }
            else if (mapType == "keyvalue")
            {
                if (!_attributes.ContainsKey(value.Trim()))
                {
                    ok &= value.Contains("{{") ? CheckTemplate(value, element.Span, "@payload") : ReportUnknown(value, element);
                }
            }
            else
            {
                _context.Report(DiagnosticDescriptors.InvalidAnnotation, element.Span, $"@payload of the {mapType} mapper takes one template, e.g. @payload('...{{{{attr}}}}...')");
                ok = false;
                continue;
            }

            payload.Add(new OptionSpec(element.Key.Text, value));
        }

        return ok;
    }

    private bool ReportUnknown(string attribute, AnnotationElementSyntax element)
    {
        _context.Report(DiagnosticDescriptors.UnknownMappedAttribute, element.Span, attribute, "@payload", _stream);
        return false;
    }

    /// <summary>Every <c>{{name}}</c> in <paramref name="text"/> must be an attribute of the stream.</summary>
    private bool CheckTemplate(string text, Microsoft.CodeAnalysis.Text.TextSpan span, string where)
    {
        var ok = true;
        var position = 0;
        while (true)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (open < 0 || close < 0)
            {
                return ok;
            }

            var name = text.Substring(open + 2, close - open - 2).Trim();
            if (!_attributes.ContainsKey(name))
            {
                _context.Report(DiagnosticDescriptors.UnknownMappedAttribute, span, name, "the template of " + where, _stream);
                ok = false;
            }

            position = close + 2;
        }
    }

    private bool CheckParameters(AnnotationSyntax annotation, ConnectorCatalog.Entry entry, string owner, string skip, bool checkMandatory = true)
    {
        var ok = true;
        var given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in annotation.Elements)
        {
            if (element.Key is null)
            {
                continue;
            }

            var key = element.Key.Text;
            given.Add(key);
            if (Is(key, skip))
            {
                continue;
            }

            if (!entry.Knows(key))
            {
                var known = string.Join(", ", entry.Parameters.Keys.OrderBy(k => k, StringComparer.Ordinal));
                _context.Report(DiagnosticDescriptors.UnknownConnectorParameter, element.Span, key, "the " + owner, known.Length == 0 ? "none" : known);
                continue;
            }

            if (entry.Parameters.TryGetValue(key, out var parameter) && parameter.Allowed.Length > 0)
            {
                var value = Value(element.Value);
                if (!value.Contains("${") && !parameter.Allowed.Any(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase)))
                {
                    _context.Report(DiagnosticDescriptors.InvalidConnectorParameterValue, element.Span, key, "the " + owner, string.Join(", ", parameter.Allowed), value);
                    ok = false;
                }
            }
        }

        foreach (var parameter in entry.Parameters.Values.Where(p => p.Mandatory && checkMandatory))
        {
            if (!given.Contains(parameter.Name))
            {
                _context.Report(DiagnosticDescriptors.MissingConnectorParameter, annotation.Span, "the " + owner, parameter.Name);
                ok = false;
            }
        }

        return ok;
    }

    private bool CheckPositional(AnnotationSyntax annotation, string name)
    {
        foreach (var element in annotation.Elements)
        {
            if (element.Key is null)
            {
                _context.Report(DiagnosticDescriptors.InvalidAnnotation, element.Span, $"The elements of {name} must be key='value' pairs");
                return false;
            }
        }

        return true;
    }

    private static bool IsIndex(string value) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string? Element(AnnotationSyntax annotation, string key)
    {
        foreach (var element in annotation.Elements)
        {
            if (element.Key is not null && Is(element.Key.Text, key))
            {
                return Value(element.Value);
            }
        }

        // @OnError('STREAM'): a single positional value is the action.
        return key == "action" && annotation.Elements.Length == 1 && annotation.Elements[0].Key is null ? Value(annotation.Elements[0].Value) : null;
    }

    /// <summary>A bare <c>${NAME}</c> placeholder stays a placeholder; the runtime resolves it.</summary>
    private static string Value(StringValueSyntax value) => value.IsPlaceholder ? "${" + value.Value + "}" : value.Value;

    private static List<OptionSpec> Options(AnnotationSyntax annotation) =>
        annotation.Elements
            .Where(e => e.Key is not null && !Is(e.Key!.Text, "type"))
            .Select(e => new OptionSpec(e.Key!.Text.ToLowerInvariant(), Value(e.Value)))
            .ToList();
}
