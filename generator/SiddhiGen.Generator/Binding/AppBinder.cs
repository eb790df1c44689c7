using System;
using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Binds a parsed app: app annotations, definitions, then queries in order, producing the
/// <see cref="AppSpec"/> the emitter needs, or diagnostics explaining why there is none.
/// </summary>
internal sealed class AppBinder
{
    private readonly BindingContext _context;
    private readonly AppSyntax _app;
    private readonly string _filePath;
    private readonly string _defaultNamespace;
    private readonly ConnectorBinder _connectors;

    private AppBinder(BindingContext context, AppSyntax app, string filePath, string defaultNamespace)
    {
        _context = context;
        _app = app;
        _filePath = filePath;
        _defaultNamespace = defaultNamespace;
        _connectors = new ConnectorBinder(context);
    }

    public static AppSpec? Bind(BindingContext context, AppSyntax app, string filePath, string defaultNamespace) =>
        new AppBinder(context, app, filePath, defaultNamespace).Bind();

    private AppSpec? Bind()
    {
        string? name = null, description = null;
        var playback = false;
        foreach (var annotation in _app.AppAnnotations)
        {
            var key = annotation.Name.Text.ToLowerInvariant();
            switch (key)
            {
                case "name":
                    name = SingleValue(annotation);
                    break;
                case "description":
                    description = SingleValue(annotation);
                    break;
                case "playback":
                    playback = true;
                    CheckPlayback(annotation);
                    break;
                case "async":
                    _context.Report(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, "@app:async is not allowed: use @Async on streams");
                    break;
            }
        }

        name ??= System.IO.Path.GetFileNameWithoutExtension(_filePath);
        var className = Identifiers.Pascal(name);
        var symbols = new AppSymbols(_app, className);
        var sinks = new List<ConnectorSpec>();
        BindDefinitions(symbols, sinks);
        var queries = BindQueries(symbols);

        if (_context.HasErrors)
        {
            return null;
        }

        return new AppSpec(
            name,
            _defaultNamespace,
            className,
            description,
            playback,
            new EquatableArray<StreamSpec>(symbols.FinalStreams()),
            new EquatableArray<QuerySpec>(queries),
            new EquatableArray<ConnectorSpec>(sinks));
    }

    private void BindDefinitions(AppSymbols symbols, List<ConnectorSpec> sinks)
    {
        foreach (var definition in _app.Definitions)
        {
            var name = definition.Name.Text;
            if (symbols.IsDefined(name))
            {
                _context.Report(DiagnosticDescriptors.DuplicateDefinition, definition.Name.Span, name);
                continue;
            }

            if (definition is not StreamDefinitionSyntax stream)
            {
                var kind = definition switch
                {
                    TableDefinitionSyntax => "table",
                    WindowDefinitionSyntax => "window",
                    TriggerDefinitionSyntax => "trigger",
                    FunctionDefinitionSyntax => "function",
                    AggregationDefinitionSyntax => "aggregation",
                    _ => "definition",
                };
                symbols.OtherDefinitions.Add(name, kind);
                _context.NotSupported(kind + " definition", definition.Name.Span);
                continue;
            }

            var attributes = new List<AttributeSpec>();
            var seen = new HashSet<string>();
            var properties = new HashSet<string> { "Schema", "FromRow", "ToRow", Identifiers.Pascal(name) + "Event" };
            foreach (var attribute in stream.Attributes)
            {
                if (!seen.Add(attribute.Name.Text))
                {
                    _context.Report(DiagnosticDescriptors.DuplicateAttribute, attribute.Name.Span, attribute.Name.Text, "stream '" + name + "'");
                    continue;
                }

                attributes.Add(new AttributeSpec(attribute.Name.Text, (AttributeType)(int)attribute.Type.Type, Identifiers.Unique(Identifiers.Pascal(attribute.Name.Text), properties)));
            }

            symbols.DefineStream(name, attributes, inferred: false, _app.GetText(stream));
            BindStreamAnnotations(stream, sinks);
        }
    }

    private void BindStreamAnnotations(StreamDefinitionSyntax stream, List<ConnectorSpec> sinks)
    {
        foreach (var annotation in stream.Annotations)
        {
            switch (annotation.Name.Text.ToLowerInvariant())
            {
                case "sink":
                case "source":
                    var connector = _connectors.Bind(stream.Name.Text, annotation);
                    if (connector is not null)
                    {
                        sinks.Add(connector);
                    }

                    break;
                case "onerror":
                    _context.NotSupported("@OnError", annotation.Span);
                    break;
                case "async":
                    _context.NotSupported("@Async", annotation.Span);
                    break;
            }
        }
    }

    private List<QuerySpec> BindQueries(AppSymbols symbols)
    {
        var queries = new List<QuerySpec>();
        var queryNames = new HashSet<string>();
        var binder = new QueryBinder(_context, symbols);
        var number = 0;
        foreach (var element in _app.ExecutionElements)
        {
            if (element is PartitionSyntax partition)
            {
                number += partition.Queries.Length;
                _context.NotSupported("partition", partition.Span);
                continue;
            }

            if (element is not QuerySyntax query)
            {
                continue;
            }

            number++;
            var info = query.Annotations.FirstOrDefault(a => string.Equals(a.Name.Text, "info", StringComparison.OrdinalIgnoreCase));
            var nameElement = info?.Elements.FirstOrDefault(e => e.Key is not null && string.Equals(e.Key.Text, "name", StringComparison.OrdinalIgnoreCase));
            var name = nameElement?.Value.Value ?? "query_" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!queryNames.Add(name))
            {
                _context.Report(DiagnosticDescriptors.DuplicateQueryName, nameElement?.Span ?? query.Span, name);
                continue;
            }

            var operatorName = Identifiers.Unique(Identifiers.Pascal(name) + "Query", symbols.UsedMemberNames);
            var spec = binder.Bind(query, name, operatorName, _app.GetText(query).Trim());
            if (spec is not null)
            {
                queries.Add(spec);
            }
        }

        return queries;
    }

    private string? SingleValue(AnnotationSyntax annotation) =>
        annotation.Elements.Length > 0 ? annotation.Elements[0].Value.Value : null;

    private void CheckPlayback(AnnotationSyntax annotation)
    {
        var keys = annotation.Elements.Select(e => e.Key?.Text.ToLowerInvariant()).ToList();
        var valid = keys.Count == 0 || (keys.Count == 2 && keys.Contains("idle.time") && keys.Contains("increment"));
        if (!valid)
        {
            _context.Report(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, "@app:playback takes no elements, or both idle.time and increment");
        }
        else if (keys.Count == 2)
        {
            _context.NotSupported("@app:playback idle.time/increment", annotation.Span);
        }
    }
}
