namespace SiddhiGen.Generator.Model;

/// <summary>A <c>@sink</c> on a stream: its type and options (keys lower-cased as Siddhi looks them up).</summary>
public sealed record SinkSpec(string StreamName, string Type, EquatableArray<OptionSpec> Options, string MapType);

/// <summary>One <c>key='value'</c> element of an annotation.</summary>
public sealed record OptionSpec(string Key, string Value);
