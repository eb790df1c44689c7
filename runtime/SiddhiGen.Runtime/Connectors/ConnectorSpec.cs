using System.Diagnostics;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// A <c>@source</c> or <c>@sink</c> as written in the app: its type, its options (looked up
/// case-insensitively, <c>${VAR}</c> placeholders still in them) and its <c>@map</c>.
/// Generated code creates one per annotation; hosting and user code create them to attach connectors.
/// </summary>
[DebuggerDisplay("{Type} ({Map.Type})")]
public sealed class ConnectorSpec
{
    public ConnectorSpec(string type, IEnumerable<KeyValuePair<string, string>>? options = null, MapperSpec? map = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Type = type;
        Options = ToDictionary(options);
        Map = map ?? MapperSpec.PassThrough;
    }

    /// <summary>The connector type, e.g. <c>http</c>, <c>kafka</c>, <c>log</c>.</summary>
    public string Type { get; }

    /// <summary>The options, keys compared case-insensitively, values as written.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>The mapper; <c>passThrough</c> when the annotation has no <c>@map</c>.</summary>
    public MapperSpec Map { get; }

    public override string ToString() => $"{Type}({string.Join(", ", Options.Select(o => o.Key + "='" + o.Value + "'"))}, @map(type='{Map.Type}'))";

    internal static IReadOnlyDictionary<string, string> ToDictionary(IEnumerable<KeyValuePair<string, string>>? options)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (options is not null)
        {
            foreach (var (key, value) in options)
            {
                result[key] = value;
            }
        }

        return result;
    }
}

/// <summary>
/// The <c>@map</c> of a connector: its type and options, the <c>@attributes</c> of a source mapper and
/// the <c>@payload</c> of a sink mapper. A key is empty for a positional element (<c>@payload('...')</c>).
/// </summary>
[DebuggerDisplay("{Type}")]
public sealed class MapperSpec
{
    /// <summary>The default mapper: events as they are.</summary>
    public static readonly MapperSpec PassThrough = new("passThrough");

    public MapperSpec(
        string type,
        IEnumerable<KeyValuePair<string, string>>? options = null,
        IEnumerable<KeyValuePair<string, string>>? attributes = null,
        IEnumerable<KeyValuePair<string, string>>? payload = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Type = type;
        Options = ConnectorSpec.ToDictionary(options);
        Attributes = attributes?.ToArray() ?? [];
        Payload = payload?.ToArray() ?? [];
    }

    /// <summary>The mapper type, e.g. <c>json</c>, <c>csv</c>, <c>passThrough</c>.</summary>
    public string Type { get; }

    /// <summary>The mapper's options, keys compared case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary><c>@attributes(...)</c> of a source mapper, in source order (key empty when positional).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; }

    /// <summary><c>@payload(...)</c> of a sink mapper, in source order (key empty for a single template).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Payload { get; }

    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);
}
