using System.Collections.Immutable;
using System.Text.Json;

namespace SiddhiGen.Conformance.Cases;

/// <summary>
/// One line of a conformance file (see <c>conformance/FORMAT.md</c>): an app, the steps that drive it
/// on a virtual clock, and what the reference engine produced. Values stay <see cref="JsonElement"/>s
/// until a stream schema or an actual value says which type they are.
/// </summary>
/// <param name="Index">The position of the case among all cases read, used for its namespace.</param>
public sealed record ConformanceCase(
    int Index,
    string Id,
    string Area,
    string App,
    long Base,
    ImmutableArray<CaseStep> Steps,
    long End,
    Expectations Expect,
    string? Error,
    bool Unordered)
{
    /// <summary>True when the reference engine rejected the app.</summary>
    public bool IsRejected => Error is not null;

    /// <summary>The namespace the generated app goes into, unique per case (<c>Conformance.C0001</c>).</summary>
    public string Namespace => "Conformance.C" + Index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when some expected stream, query or query step holds at least one row.</summary>
    public bool HasExpectedRows =>
        Expect.Streams.Any(s => s.Rows.Length > 0)
        || Expect.Queries.Any(q => q.In.Length > 0 || q.Removed.Length > 0)
        || Steps.Any(s => s.Kind == StepKind.Query && s.Rows.Length > 0);
}

/// <summary>What a step does.</summary>
public enum StepKind
{
    /// <summary>Send one event (<c>data</c>).</summary>
    Send,

    /// <summary>Send several events as one chunk (<c>batch</c>).</summary>
    SendChunk,

    /// <summary>Run an on-demand query and compare the rows it returns (<c>result</c>).</summary>
    Query,
}

/// <summary>
/// One step at time <paramref name="T"/> (milliseconds after the case's base). <paramref name="Target"/>
/// is the stream for sends and the query text for queries; <paramref name="Rows"/> holds the one row
/// sent, the chunk sent, or the expected query result.
/// </summary>
public sealed record CaseStep(long T, StepKind Kind, string Target, ImmutableArray<ImmutableArray<JsonElement>> Rows);

/// <summary>The expected outputs, in the order the case lists them.</summary>
public sealed record Expectations(ImmutableArray<ExpectedStream> Streams, ImmutableArray<ExpectedQuery> Queries)
{
    public static readonly Expectations None = new([], []);
}

/// <summary>Every event the reference delivered to a stream callback, in order.</summary>
public sealed record ExpectedStream(string Name, ImmutableArray<ImmutableArray<JsonElement>> Rows);

/// <summary>The current (<c>in</c>) and expired (<c>removed</c>) rows a query callback received.</summary>
public sealed record ExpectedQuery(string Name, ImmutableArray<ImmutableArray<JsonElement>> In, ImmutableArray<ImmutableArray<JsonElement>> Removed);
