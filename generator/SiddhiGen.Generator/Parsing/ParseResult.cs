using System.Collections.Immutable;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>What <see cref="SiddhiParser.ParseApp"/> produced: always a tree, plus the syntax errors found.</summary>
public sealed class ParseResult
{
    public ParseResult(AppSyntax app, ImmutableArray<DiagnosticInfo> diagnostics)
    {
        App = app;
        Diagnostics = diagnostics;
    }

    /// <summary>The tree; elements that failed to parse are left out.</summary>
    public AppSyntax App { get; }

    /// <summary>Syntax errors (SIDDHI010–SIDDHI029), in source order.</summary>
    public ImmutableArray<DiagnosticInfo> Diagnostics { get; }

    public bool HasErrors => !Diagnostics.IsEmpty;
}
