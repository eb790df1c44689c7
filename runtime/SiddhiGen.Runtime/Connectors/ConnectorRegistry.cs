using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using SiddhiGen.Runtime.Connectors.File;
using SiddhiGen.Runtime.Connectors.InMemory;
using SiddhiGen.Runtime.Connectors.Mapping;
using SiddhiGen.Runtime.Connectors.Tcp;
using SiddhiGen.Runtime.Sinks;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// Connector and mapper types by name (compared case-insensitively), as <c>@source(type=...)</c>,
/// <c>@sink(type=...)</c> and <c>@map(type=...)</c> name them. <see cref="Default"/> knows the built-in ones
/// (inMemory, log, file, tcp; passThrough, json, csv, text, keyvalue, xml, binary) and loads <c>SiddhiGen.Http</c> and
/// <c>SiddhiGen.Kafka</c> on first use of http or kafka. Register your own types before the app starts.
/// </summary>
public sealed class ConnectorRegistry
{
    private static readonly Dictionary<string, string> s_extensionAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["http"] = "SiddhiGen.Http",
        ["http-call"] = "SiddhiGen.Http",
        ["http-call-response"] = "SiddhiGen.Http",
        ["http-service"] = "SiddhiGen.Http",
        ["http-service-response"] = "SiddhiGen.Http",
        ["http-request"] = "SiddhiGen.Http",
        ["http-response"] = "SiddhiGen.Http",
        ["kafka"] = "SiddhiGen.Kafka",
        ["mqtt"] = "SiddhiGen.Mqtt",
        ["rabbitmq"] = "SiddhiGen.RabbitMQ",
        ["avro"] = "SiddhiGen.Avro",
        ["email"] = "SiddhiGen.Email",
    };

    private readonly ConcurrentDictionary<string, Func<SourceConnector>> _sources = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Func<SinkConnector>> _sinks = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Func<MapperContext, IRowSourceMapper>> _sourceMappers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Func<MapperContext, IRowSinkMapper>> _sinkMappers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A registry with the built-in connectors and mappers.</summary>
    public ConnectorRegistry()
    {
        AddSource("inMemory", static () => new InMemorySource());
        AddSink("inMemory", static () => new InMemorySink());
        AddSink("log", static () => new LogSink());
        AddSource("file", static () => new FileSource());
        AddSink("file", static () => new FileSink());
        AddSource("tcp", static () => new TcpSource());
        AddSink("tcp", static () => new TcpSink());
        AddSourceMapper("text", static c => new TextSourceMapper(c));
        AddSinkMapper("text", static c => new TextSinkMapper(c));
        AddSourceMapper("keyvalue", static c => new KeyValueSourceMapper(c));
        AddSinkMapper("keyvalue", static c => new KeyValueSinkMapper(c));
        AddSourceMapper("xml", static c => new XmlSourceMapper(c));
        AddSinkMapper("xml", static c => new XmlSinkMapper(c));
        AddSourceMapper("binary", static c => new BinarySourceMapper(c));
        AddSinkMapper("binary", static c => new BinarySinkMapper(c));
    }

    /// <summary>The registry apps use unless <see cref="AppConnectors.Registry"/> says otherwise.</summary>
    public static ConnectorRegistry Default { get; } = new();

    public void AddSource(string type, Func<SourceConnector> factory) => _sources[type] = factory;

    public void AddSink(string type, Func<SinkConnector> factory) => _sinks[type] = factory;

    public void AddSourceMapper(string type, Func<MapperContext, IRowSourceMapper> factory) => _sourceMappers[type] = factory;

    public void AddSinkMapper(string type, Func<MapperContext, IRowSinkMapper> factory) => _sinkMappers[type] = factory;

    /// <summary>Registers the types of an extension assembly (what the assembly's <see cref="ConnectorModuleAttribute"/> names).</summary>
    public void AddModule(IConnectorModule module) => module.Register(this);

    public bool HasSource(string type) => _sources.ContainsKey(type) || (TryLoadExtension(type) && _sources.ContainsKey(type));

    public bool HasSink(string type) => _sinks.ContainsKey(type) || (TryLoadExtension(type) && _sinks.ContainsKey(type));

    public SourceConnector CreateSource(string type) =>
        _sources.TryGetValue(type, out var factory) || (TryLoadExtension(type) && _sources.TryGetValue(type, out factory))
            ? factory()
            : throw new ConnectorConfigurationException(Unknown("source", type));

    public SinkConnector CreateSink(string type) =>
        _sinks.TryGetValue(type, out var factory) || (TryLoadExtension(type) && _sinks.TryGetValue(type, out factory))
            ? factory()
            : throw new ConnectorConfigurationException(Unknown("sink", type));

    /// <summary>The source mapper for <paramref name="context"/>: built-in json/csv/passThrough generic over <typeparamref name="T"/>, else a registered row mapper.</summary>
    public ISourceMapper<T> CreateSourceMapper<T>(MapperContext context, Func<object?[], T> fromRow)
    {
        var type = context.Spec.Type;
        if (string.Equals(type, "passThrough", StringComparison.OrdinalIgnoreCase))
        {
            return new PassThroughSourceMapper<T>(fromRow);
        }

        if (string.Equals(type, "json", StringComparison.OrdinalIgnoreCase) && !_sourceMappers.ContainsKey(type))
        {
            var custom = context.Spec.Attributes.Count > 0 || context.Options.Get("enclosing.element") is { } e && e != "$";
            return custom
                ? new RowSourceMapper<T>(new JsonCustomSourceMapper(context), fromRow)
                : new JsonSourceMapper<T>(context, (ref System.Text.Json.Utf8JsonReader r, JsonEventContext c) => fromRow(JsonSourceMapper<object?[]>.ReadRow(ref r, c)));
        }

        if (string.Equals(type, "csv", StringComparison.OrdinalIgnoreCase) && !_sourceMappers.ContainsKey(type))
        {
            return new CsvSourceMapper<T>(context, null, fromRow);
        }

        return _sourceMappers.TryGetValue(type, out var factory) || (TryLoadExtension(type) && _sourceMappers.TryGetValue(type, out factory))
            ? new RowSourceMapper<T>(factory(context), fromRow)
            : throw new ConnectorConfigurationException($"Source mapper type '{type}' does not exist; known: passThrough, json, csv, {string.Join(", ", _sourceMappers.Keys.Order())}.");
    }

    /// <summary>The sink mapper for <paramref name="context"/>.</summary>
    public ISinkMapper<T> CreateSinkMapper<T>(MapperContext context, Func<T, object?[]> toRow)
    {
        var type = context.Spec.Type;
        if (string.Equals(type, "passThrough", StringComparison.OrdinalIgnoreCase))
        {
            return new PassThroughSinkMapper<T>(toRow);
        }

        if (string.Equals(type, "json", StringComparison.OrdinalIgnoreCase) && !_sinkMappers.ContainsKey(type))
        {
            return new JsonSinkMapper<T>(context, null, toRow);
        }

        if (string.Equals(type, "csv", StringComparison.OrdinalIgnoreCase) && !_sinkMappers.ContainsKey(type))
        {
            return new CsvSinkMapper<T>(context, null, toRow);
        }

        return _sinkMappers.TryGetValue(type, out var factory) || (TryLoadExtension(type) && _sinkMappers.TryGetValue(type, out factory))
            ? new RowSinkMapper<T>(factory(context), toRow)
            : throw new ConnectorConfigurationException($"Sink mapper type '{type}' does not exist; known: passThrough, json, csv, {string.Join(", ", _sinkMappers.Keys.Order())}.");
    }

    private string Unknown(string kind, string type)
    {
        var known = (kind == "source" ? _sources.Keys : _sinks.Keys).Concat(s_extensionAssemblies.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order();
        var hint = s_extensionAssemblies.TryGetValue(type, out var assembly) ? $" Add a reference to {assembly}." : string.Empty;
        return $"{char.ToUpperInvariant(kind[0])}{kind[1..]} type '{type}' is not registered (known: {string.Join(", ", known)}).{hint}";
    }

    private readonly HashSet<string> _loaded = new(StringComparer.OrdinalIgnoreCase);

    private bool TryLoadExtension(string type)
    {
        if (!s_extensionAssemblies.TryGetValue(type, out var name))
        {
            return false;
        }

        lock (_loaded)
        {
            if (!_loaded.Add(name))
            {
                return false;
            }

            Assembly assembly;
            try
            {
                assembly = Assembly.Load(new AssemblyName(name));
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                return false;
            }

            foreach (var attribute in assembly.GetCustomAttributes<ConnectorModuleAttribute>())
            {
                AddModule((IConnectorModule)Activator.CreateInstance(attribute.ModuleType)!);
            }

            return true;
        }
    }
}

/// <summary>Registers an assembly's connectors and mappers with a <see cref="ConnectorRegistry"/>.</summary>
public interface IConnectorModule
{
    void Register(ConnectorRegistry registry);
}

/// <summary>Names the <see cref="IConnectorModule"/> of an extension assembly, so the registry can load it by name.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ConnectorModuleAttribute([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type moduleType) : Attribute
{
    /// <summary>The module's type; the trimmer keeps its constructor, which the registry calls.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
    public Type ModuleType { get; } = moduleType;
}
