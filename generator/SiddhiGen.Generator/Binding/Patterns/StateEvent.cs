using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// One event slot of a pattern or sequence while it is bound: its position (Siddhi's order), alias, stream
/// name as written (<c>#S</c> for an inner stream) and resolved stream (null when the stream could not be
/// resolved; an error was reported then).
/// </summary>
internal sealed class StateEvent
{
    public StateEvent(int position, string? alias, string streamName, StreamSpec? stream, bool isCounting, bool isAbsent)
    {
        Position = position;
        Alias = alias;
        StreamName = streamName;
        Stream = stream;
        IsCounting = isCounting;
        IsAbsent = isAbsent;
    }

    public int Position { get; }

    public string? Alias { get; }

    public string StreamName { get; }

    public StreamSpec? Stream { get; }

    public bool IsCounting { get; }

    public bool IsAbsent { get; }

    /// <summary>The member of a match that holds this slot's event(s).</summary>
    public string Path => "E" + Position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The name a qualified reference uses: the alias, or the stream when there is none.</summary>
    public string ReferenceName => Alias ?? StreamName;

    /// <summary>Siddhi matches a qualifier against the alias when there is one, else against the stream id.</summary>
    public bool IsReferencedAs(string name) => Alias is not null ? Alias == name : StreamName == name;

    public StateEventSpec ToSpec() => new(Position, Alias, StreamName, Path, IsCounting, IsAbsent);
}
