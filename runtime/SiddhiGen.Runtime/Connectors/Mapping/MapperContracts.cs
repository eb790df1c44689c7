using Microsoft.Extensions.Logging;

namespace SiddhiGen.Runtime.Connectors.Mapping;

/// <summary>What a mapper is created with: the stream's schema, its <c>@map</c> and the connector's options.</summary>
public sealed class MapperContext
{
    public MapperContext(SiddhiApp app, StreamSchema schema, MapperSpec spec, ConnectorOptions options, ConnectorOptions connectorOptions, ILogger logger)
    {
        App = app;
        Schema = schema;
        Spec = spec;
        Options = options;
        ConnectorOptions = connectorOptions;
        Logger = logger;
    }

    public SiddhiApp App { get; }

    /// <summary>The stream the mapper reads into or writes from.</summary>
    public StreamSchema Schema { get; }

    /// <summary>The <c>@map</c> annotation: type, options, <c>@attributes</c>, <c>@payload</c>.</summary>
    public MapperSpec Spec { get; }

    /// <summary>The mapper's own options, <c>${VAR}</c> resolved.</summary>
    public ConnectorOptions Options { get; }

    /// <summary>The options of the source or sink the mapper belongs to.</summary>
    public ConnectorOptions ConnectorOptions { get; }

    public ILogger Logger { get; }

    /// <summary>The <c>@attributes</c> as attribute index → mapping, positional ones in order; null when absent.</summary>
    public string?[]? AttributeMappings()
    {
        if (Spec.Attributes.Count == 0)
        {
            return null;
        }

        var result = new string?[Schema.Attributes.Length];
        var positional = Spec.Attributes.All(a => a.Key.Length == 0);
        if (positional)
        {
            if (Spec.Attributes.Count != Schema.Attributes.Length)
            {
                throw new ConnectorConfigurationException(
                    $"@attributes of the {Spec.Type} mapper of '{Schema.Name}' has {Spec.Attributes.Count} positional values, but the stream has {Schema.Attributes.Length} attributes.");
            }

            for (var i = 0; i < result.Length; i++)
            {
                result[i] = Spec.Attributes[i].Value;
            }

            return result;
        }

        foreach (var (key, value) in Spec.Attributes)
        {
            var index = Schema.IndexOf(key);
            if (index < 0)
            {
                throw new ConnectorConfigurationException($"@attributes of the {Spec.Type} mapper names '{key}', but stream '{Schema.Name}' has no such attribute.");
            }

            result[index] = value;
        }

        return result;
    }
}

/// <summary>
/// Turns one received message into events of <typeparamref name="T"/> (Siddhi's SourceMapper). The
/// generator emits typed json and csv mappers that never box; other mappers go through rows.
/// </summary>
public interface ISourceMapper<T>
{
    /// <summary>Appends the message's events to <paramref name="events"/>; throws <see cref="MappingException"/> when it cannot.</summary>
    void Map(in SourceMessage message, List<T> events);
}

/// <summary>A source mapper that produces positional rows; registered by type name in the <see cref="ConnectorRegistry"/>.</summary>
public interface IRowSourceMapper
{
    /// <summary>Appends one row per event, values already of the attributes' types.</summary>
    void Map(in SourceMessage message, List<object?[]> rows);
}

/// <summary>Turns events into the payload a sink publishes (Siddhi's SinkMapper).</summary>
public interface ISinkMapper<T>
{
    /// <summary>True when several events may become one payload (a JSON array, grouped CSV lines).</summary>
    bool GroupsEvents { get; }

    /// <summary>Maps one event, or a group of events when <see cref="GroupsEvents"/>, to a payload.</summary>
    object Map(ReadOnlySpan<StreamEvent<T>> events);
}

/// <summary>A sink mapper over positional rows; registered by type name in the <see cref="ConnectorRegistry"/>.</summary>
public interface IRowSinkMapper
{
    bool GroupsEvents { get; }

    object Map(IReadOnlyList<DynamicEvent> events);
}

/// <summary>Runs a row mapper and converts each row to <typeparamref name="T"/>.</summary>
public sealed class RowSourceMapper<T>(IRowSourceMapper inner, Func<object?[], T> fromRow) : ISourceMapper<T>
{
    public void Map(in SourceMessage message, List<T> events)
    {
        var rows = new List<object?[]>();
        inner.Map(message, rows);
        foreach (var row in rows)
        {
            try
            {
                events.Add(fromRow(row));
            }
            catch (ArgumentException ex)
            {
                throw new MappingException(ex.Message, ex);
            }
        }
    }
}

/// <summary>Converts events to rows and runs a row mapper.</summary>
public sealed class RowSinkMapper<T>(IRowSinkMapper inner, Func<T, object?[]> toRow) : ISinkMapper<T>
{
    public bool GroupsEvents => inner.GroupsEvents;

    public object Map(ReadOnlySpan<StreamEvent<T>> events)
    {
        var rows = new DynamicEvent[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            rows[i] = new DynamicEvent(events[i].Timestamp, toRow(events[i].Data), events[i].IsExpired);
        }

        return inner.Map(rows);
    }
}
