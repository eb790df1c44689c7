using System;
using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Binds <c>@source</c> and <c>@sink</c> annotations of a stream: checks the connector type and its
/// mapper, and collects the options the runtime connector is created with.
/// </summary>
internal sealed class ConnectorBinder
{
    private static readonly HashSet<string> s_knownSinkTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "log", "inMemory", "file", "http", "http-call", "http-response", "kafka", "tcp", "email", "jms", "rabbitmq",
        "mqtt", "websocket", "grpc", "sqs", "s3", "prometheus", "nats",
    };

    private static readonly HashSet<string> s_supportedSinkTypes = new(StringComparer.OrdinalIgnoreCase) { "log" };

    private readonly BindingContext _context;

    public ConnectorBinder(BindingContext context) => _context = context;

    public ConnectorSpec? Bind(string streamName, AnnotationSyntax annotation)
    {
        var kind = string.Equals(annotation.Name.Text, "source", StringComparison.OrdinalIgnoreCase) ? ConnectorKind.Source : ConnectorKind.Sink;
        if (kind == ConnectorKind.Source)
        {
            _context.NotSupported("@source", annotation.Span);
            return null;
        }

        var options = Options(annotation);
        var type = options.FirstOrDefault(o => o.Key == "type")?.Value;
        if (type is null)
        {
            _context.Report(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, "@sink needs a type, e.g. @sink(type='log')");
            return null;
        }

        if (!s_knownSinkTypes.Contains(type))
        {
            _context.Report(DiagnosticDescriptors.UnknownSinkType, annotation.Span, type);
            return null;
        }

        if (!s_supportedSinkTypes.Contains(type))
        {
            _context.NotSupported("sink type '" + type + "'", annotation.Span);
            return null;
        }

        var map = annotation.Annotations.FirstOrDefault(a => string.Equals(a.Name.Text, "map", StringComparison.OrdinalIgnoreCase));
        var mapOptions = map is null ? new List<OptionSpec>() : Options(map);
        var mapType = mapOptions.FirstOrDefault(o => o.Key == "type")?.Value ?? "passThrough";
        if (!string.Equals(mapType, "passThrough", StringComparison.OrdinalIgnoreCase))
        {
            _context.NotSupported("sink mapper '" + mapType + "'", map!.Span);
            return null;
        }

        var mapper = new MapperSpec("passThrough", new EquatableArray<OptionSpec>(mapOptions), EquatableArray<OptionSpec>.Empty, EquatableArray<OptionSpec>.Empty);
        return new ConnectorSpec(streamName, kind, type.ToLowerInvariant(), new EquatableArray<OptionSpec>(options), mapper);
    }

    private static List<OptionSpec> Options(AnnotationSyntax annotation) =>
        annotation.Elements
            .Where(e => e.Key is not null)
            .Select(e => new OptionSpec(e.Key!.Text.ToLowerInvariant(), e.Value.Value))
            .ToList();
}
