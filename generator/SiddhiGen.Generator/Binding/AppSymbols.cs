using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// The names an app defines, as the binder learns them: streams (defined and inferred) and the other
/// definitions (tables, windows, triggers, functions, aggregations), plus the C# names already taken.
/// </summary>
internal sealed partial class AppSymbols
{
    /// <summary>Members of the generated app class that come from <c>SiddhiApp</c>: stream properties must not hide them.</summary>
    private static readonly string[] s_reservedMembers =
    {
        "Name", "Options", "IsPlayback", "Clock", "LoggerFactory", "Logger", "SyncRoot", "ProcessingLock", "IsRunning", "Streams", "QueryNames",
        "Start", "Shutdown", "Dispose", "Send", "SendChunk", "Subscribe", "SubscribeQuery", "Query", "GetSchema",
        "ProcessingErrors", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    public AppSymbols(AppSyntax app, string className)
    {
        App = app;
        UsedTypeNames.Add(className);
        UsedMemberNames.Add(className);
        foreach (var member in s_reservedMembers)
        {
            UsedMemberNames.Add(member);
        }
    }

    public AppSyntax App { get; }

    public Dictionary<string, StreamEntry> Streams { get; } = new();

    /// <summary>Definitions that are not streams, by name, with their kind ("table", "window", ...).</summary>
    public Dictionary<string, string> OtherDefinitions { get; } = new();

    /// <summary>
    /// Streams a query or partition would insert into, but that query was not bound (an error or a
    /// construct not supported yet was already reported there): references to them stay silent.
    /// </summary>
    public HashSet<string> Unresolved { get; } = new();

    public HashSet<string> UsedTypeNames { get; } = new();

    public HashSet<string> UsedMemberNames { get; } = new();

    public List<string> StreamOrder { get; } = new();

    public bool IsDefined(string name) => Streams.ContainsKey(name) || OtherDefinitions.ContainsKey(name);

    public StreamEntry DefineStream(string name, IReadOnlyList<AttributeSpec> attributes, bool inferred, string? text)
    {
        var pascal = Identifiers.Pascal(name);
        var spec = new StreamSpec(
            name,
            Identifiers.Unique(pascal + "Event", UsedTypeNames),
            Identifiers.Unique(pascal, UsedMemberNames),
            new EquatableArray<AttributeSpec>(attributes),
            inferred,
            IsQueryTarget: false,
            text);
        var entry = new StreamEntry(spec);
        Streams.Add(name, entry);
        StreamOrder.Add(name);
        return entry;
    }

    /// <summary>
    /// Defines the fault stream <c>!S</c> of stream <paramref name="name"/> (its attributes plus <c>_error object</c>),
    /// for <c>@OnError(action='STREAM')</c> or a sink with <c>on.error='STREAM'</c>. Its C# names are <c>SFaultEvent</c>/<c>SFaults</c>.
    /// </summary>
    public void DefineFaultStream(string name, IReadOnlyList<AttributeSpec> attributes)
    {
        var faultName = "!" + name;
        if (Streams.ContainsKey(faultName))
        {
            return;
        }

        var pascal = Identifiers.Pascal(name);
        var properties = new HashSet<string>(attributes.Select(a => a.PropertyName)) { "Schema", "FromRow", "ToRow", pascal + "FaultEvent" };
        var all = new List<AttributeSpec>(attributes) { new("_error", AttributeType.Object, Identifiers.Unique("Error", properties)) };
        var spec = new StreamSpec(
            faultName,
            Identifiers.Unique(pascal + "FaultEvent", UsedTypeNames),
            Identifiers.Unique(pascal + "Faults", UsedMemberNames),
            new EquatableArray<AttributeSpec>(all),
            IsInferred: false,
            IsQueryTarget: false,
            DefinitionText: null);
        Streams.Add(faultName, new StreamEntry(spec));
        StreamOrder.Add(faultName);
    }

    public void InferStream(string name, IReadOnlyList<AttributeSpec> attributes)
    {
        var entry = DefineStream(name, attributes, inferred: true, text: null);
        entry.IsQueryTarget = true;
    }

    public IEnumerable<StreamSpec> FinalStreams() =>
        StreamOrder.Select(n => Streams[n]).Select(e => e.Spec with { IsQueryTarget = e.IsQueryTarget });

    /// <summary>A stream being bound; queries mark the ones they insert into.</summary>
    internal sealed class StreamEntry
    {
        public StreamEntry(StreamSpec spec) => Spec = spec;

        public StreamSpec Spec { get; }

        public bool IsQueryTarget { get; set; }

        /// <summary>True for a named window (<c>define window</c>): inserts go through its window.</summary>
        public bool IsWindow { get; set; }
    }
}
