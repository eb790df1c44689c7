namespace SiddhiGen.Generator.Model;

/// <summary>Whether a connector brings events in (<c>@source</c>) or sends them out (<c>@sink</c>).</summary>
public enum ConnectorKind
{
    Source,
    Sink,
}

/// <summary>
/// A <c>@source</c> or <c>@sink</c> on a stream: its type, options (keys lower-cased, as Siddhi looks
/// them up case-insensitively) and mapper.
/// </summary>
public sealed record ConnectorSpec(string StreamName, ConnectorKind Kind, string Type, EquatableArray<OptionSpec> Options, MapperSpec Map);

/// <summary>
/// The <c>@map</c> of a connector: its type and options, the <c>@attributes</c> of a source mapper
/// (key empty when positional) and the <c>@payload</c> of a sink mapper.
/// </summary>
public sealed record MapperSpec(string Type, EquatableArray<OptionSpec> Options, EquatableArray<OptionSpec> Attributes, EquatableArray<OptionSpec> Payload);

/// <summary>One <c>key='value'</c> element of an annotation.</summary>
public sealed record OptionSpec(string Key, string Value);
