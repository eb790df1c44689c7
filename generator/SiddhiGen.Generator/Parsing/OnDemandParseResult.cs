using System.Collections.Immutable;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>What <see cref="SiddhiParser.ParseOnDemandQuery"/> produced.</summary>
public sealed class OnDemandParseResult
{
    public OnDemandParseResult(OnDemandQuerySyntax? query, ImmutableArray<DiagnosticInfo> diagnostics)
    {
        Query = query;
        Diagnostics = diagnostics;
    }

    /// <summary>The query, or null when it could not be parsed (see <see cref="Diagnostics"/>).</summary>
    public OnDemandQuerySyntax? Query { get; }

    /// <summary>Syntax errors (SIDDHI010–SIDDHI029).</summary>
    public ImmutableArray<DiagnosticInfo> Diagnostics { get; }

    public bool HasErrors => !Diagnostics.IsEmpty;
}
