using SiddhiGen.Runtime.Connectors.Mapping;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// What generated code calls for each <c>@source</c> and <c>@sink</c>: creates the runtime connector
/// (it starts and stops with the app) with the stream's row converters and, where the generator emitted
/// one, a typed mapper.
/// </summary>
public static class ConnectorFactory
{
    /// <summary>A source feeding <paramref name="stream"/>; <paramref name="onError"/> is the stream's <c>@OnError</c> action (LOG or STREAM).</summary>
    public static IAppComponent Source<T>(
        SiddhiApp app,
        InputStream<T> stream,
        Func<object?[], T> fromRow,
        Func<T, object?[]> toRow,
        ConnectorSpec spec,
        Func<MapperContext, ISourceMapper<T>>? mapper = null,
        string onError = "LOG") =>
        new SourceRuntime<T>(app, new TypedPort<T>(stream, fromRow, toRow), spec, mapper, ErrorActions.Parse(onError, "@OnError of '" + stream.Name + "'", allowWait: false));

    /// <summary>A sink publishing <paramref name="stream"/>.</summary>
    public static IAppComponent Sink<T>(
        SiddhiApp app,
        InputStream<T> stream,
        Func<object?[], T> fromRow,
        Func<T, object?[]> toRow,
        ConnectorSpec spec,
        Func<MapperContext, ISinkMapper<T>>? mapper = null) =>
        new SinkRuntime<T>(app, new TypedPort<T>(stream, fromRow, toRow), spec, mapper);
}
