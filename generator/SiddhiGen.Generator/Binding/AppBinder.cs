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
internal sealed partial class AppBinder
{
    private readonly BindingContext _context;
    private readonly AppSyntax _app;
    private readonly string _filePath;
    private readonly string _defaultNamespace;
    private readonly ConnectorBinder _connectors;
    private readonly Dictionary<string, string> _definitionTexts = new();
    private readonly List<NamedWindowSpec> _windows = new();
    private PlaybackHeartbeatSpec? _heartbeat;
    private readonly List<AsyncStreamSpec> _asyncStreams = [];
    private readonly List<string> _faultRoutes = new();

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
        var appNamespace = _defaultNamespace;
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
                case "namespace":
                    // A SiddhiGen extension: the C# namespace of the generated types, instead of the project's.
                    appNamespace = BindNamespace(annotation) ?? appNamespace;
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
            appNamespace,
            className,
            description,
            playback,
            _heartbeat,
            new EquatableArray<StreamSpec>(symbols.FinalStreams()),
            new EquatableArray<NamedWindowSpec>(_windows),
            new EquatableArray<string>(_faultRoutes),
            new EquatableArray<QuerySpec>(queries),
            new EquatableArray<ConnectorSpec>(sinks),
            new EquatableArray<TableSpec>(_tables),
            new EquatableArray<AggregationSpec>(_aggregations),
            new EquatableArray<TriggerSpec>(_triggers),
            new EquatableArray<ScriptFunctionSpec>(symbols.ScriptFunctions.Values),
            new EquatableArray<PartitionSpec>(_partitions),
            new EquatableArray<AsyncStreamSpec>(_asyncStreams));
    }

    private void BindDefinitions(AppSymbols symbols, List<ConnectorSpec> sinks)
    {
        foreach (var definition in _app.Definitions)
        {
            var name = definition.Name.Text;
            if (symbols.IsDefined(name))
            {
                // Siddhi accepts a definition repeated with the same schema; only a different one is an error.
                if (!_definitionTexts.TryGetValue(name, out var earlier) || earlier != Signature(definition))
                {
                    _context.Report(DiagnosticDescriptors.DuplicateDefinition, definition.Name.Span, name);
                }
                else if (definition is TriggerDefinitionSyntax repeatedTrigger)
                {
                    // A trigger on a stream already defined as (triggered_time long) still fires into it.
                    BindTrigger(symbols, repeatedTrigger);
                }

                continue;
            }

            _definitionTexts[name] = Signature(definition);

            if (definition is WindowDefinitionSyntax windowDefinition)
            {
                BindNamedWindow(symbols, windowDefinition);
                continue;
            }

            if (definition is not StreamDefinitionSyntax stream)
            {
                BindOtherDefinition(symbols, definition);
                continue;
            }

            var attributes = BindAttributes(name, "stream", stream.Attributes);
            symbols.DefineStream(name, attributes, inferred: false, _app.GetText(stream));
            BindStreamAnnotations(stream, sinks);
            if (_connectors.NeedsFaultStream)
            {
                symbols.DefineFaultStream(name, attributes);
            }

            if (_connectors.RoutesErrorsToFaultStream)
            {
                _faultRoutes.Add(name);
            }
        }

        BindDeferredDefinitions(symbols);
    }

    private List<AttributeSpec> BindAttributes(string name, string kind, IEnumerable<AttributeDefinitionSyntax> syntax)
    {
        var attributes = new List<AttributeSpec>();
        var seen = new HashSet<string>();
        var properties = new HashSet<string> { "Schema", "FromRow", "ToRow", Identifiers.Pascal(name) + "Event" };
        foreach (var attribute in syntax)
        {
            if (!seen.Add(attribute.Name.Text))
            {
                _context.Report(DiagnosticDescriptors.DuplicateAttribute, attribute.Name.Span, attribute.Name.Text, kind + " '" + name + "'");
                continue;
            }

            attributes.Add(new AttributeSpec(attribute.Name.Text, (AttributeType)(int)attribute.Type.Type, Identifiers.Unique(Identifiers.Pascal(attribute.Name.Text), properties)));
        }

        return attributes;
    }

    private void BindNamedWindow(AppSymbols symbols, WindowDefinitionSyntax definition)
    {
        var name = definition.Name.Text;
        var entry = symbols.DefineStream(name, BindAttributes(name, "window", definition.Attributes), inferred: false, _app.GetText(definition));
        entry.IsWindow = true;
        var scope = new ExpressionScope(entry.Spec, null, "window parameter");
        var window = new WindowBinder(_context, new ExpressionBinder(_context)).Bind(definition.Window, scope);
        if (window is null)
        {
            return;
        }

        var outputType = definition.OutputEventType switch
        {
            Parsing.OutputEventType.Current => Model.OutputEventType.Current,
            Parsing.OutputEventType.Expired => Model.OutputEventType.Expired,
            _ => Model.OutputEventType.All,
        };
        var operatorName = Identifiers.Unique(Identifiers.Pascal(name) + "Window", symbols.UsedMemberNames);
        _windows.Add(new NamedWindowSpec(name, operatorName, _app.GetText(definition).Trim(), window, outputType));
    }

    private void BindStreamAnnotations(StreamDefinitionSyntax stream, List<ConnectorSpec> sinks)
    {
        _connectors.BeginStream(stream);
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
                    _connectors.BindOnError(annotation);
                    break;
                case "async":
                    if (BindAsync(stream.Name.Text, annotation) is { } async)
                    {
                        _asyncStreams.Add(async);
                    }

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
                number = BindPartition(symbols, binder, partition, queryNames, number);
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
            else
            {
                MarkUnresolvedTargets(symbols, query);
            }
        }

        return queries;
    }

    /// <summary>What must match for a repeated definition to be accepted: its attributes (a trigger's are fixed).</summary>
    private static string Signature(DefinitionSyntax definition) => definition switch
    {
        StreamDefinitionSyntax s => string.Join(",", s.Attributes.Select(a => a.Name.Text + " " + a.Type.Type)),
        TableDefinitionSyntax t => "table:" + string.Join(",", t.Attributes.Select(a => a.Name.Text + " " + a.Type.Type)),
        TriggerDefinitionSyntax => "triggered_time " + SyntaxAttributeType.Long,
        _ => definition.GetType().Name + ":" + definition.Span,
    };

    /// <summary>Marks the streams an unbound query or partition inserts into, so reading them reports nothing more.</summary>
    private static void MarkUnresolvedTargets(AppSymbols symbols, QuerySyntax query)
    {
        if (query.Output is InsertIntoSyntax insert && !symbols.IsDefined(insert.Target.Name.Text))
        {
            symbols.Unresolved.Add(insert.Target.Name.Text);
        }
    }

    /// <summary>
    /// Binds @Async(buffer.size, workers, batch.size.max): each, when given, a positive integer. Siddhi's defaults
    /// are a buffer of 1024 events and batches as large as the buffer; the number of workers is checked, but chunks
    /// are delivered one at a time in arrival order (an app processes under one lock).
    /// </summary>
    private AsyncStreamSpec? BindAsync(string stream, AnnotationSyntax annotation)
    {
        int bufferSize = 1024, batchSizeMax = -1;
        foreach (var element in annotation.Elements)
        {
            var key = element.Key?.Text.ToLowerInvariant();
            if (key is not ("buffer.size" or "workers" or "batch.size.max"))
            {
                continue;
            }

            if (!int.TryParse(element.Value.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                _context.Report(DiagnosticDescriptors.InvalidConstant, element.Value.Span, $"@Async {key} '{element.Value.Value}'", "a positive integer");
                return null;
            }

            if (key == "buffer.size")
            {
                bufferSize = value;
            }
            else if (key == "batch.size.max")
            {
                batchSizeMax = value;
            }
        }

        return new AsyncStreamSpec(stream, bufferSize, batchSizeMax > 0 ? batchSizeMax : bufferSize);
    }

    private string? SingleValue(AnnotationSyntax annotation) =>
        annotation.Elements.Length > 0 ? annotation.Elements[0].Value.Value : null;

    private string? BindNamespace(AnnotationSyntax annotation)
    {
        var value = SingleValue(annotation);
        var valid = !string.IsNullOrEmpty(value)
            && value!.Split('.').All(part => part.Length > 0 && !char.IsDigit(part[0]) && part.All(c => c == '_' || (c < 128 && char.IsLetterOrDigit(c))));
        if (!valid)
        {
            _context.Report(DiagnosticDescriptors.InvalidAnnotation, annotation.Span, "@app:namespace takes a C# namespace such as 'MyCompany.Apps'");
            return null;
        }

        return value;
    }

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
            var values = new Dictionary<string, long>();
            foreach (var element in annotation.Elements)
            {
                if (!TimeText.TryParse(element.Value.Value, out var milliseconds))
                {
                    _context.Report(DiagnosticDescriptors.InvalidConstant, element.Value.Span, $"The playback {element.Key!.Text} '{element.Value.Value}'", "a time such as '100 millisecond' or '2 sec'");
                    return;
                }

                values[element.Key!.Text.ToLowerInvariant()] = milliseconds;
            }

            _heartbeat = new PlaybackHeartbeatSpec(values["idle.time"], values["increment"]);
        }
    }
}
