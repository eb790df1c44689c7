using System.Collections.Immutable;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>The tokens of a text (always ending with <see cref="TokenKind.EndOfFile"/>) and the lexical errors.</summary>
public sealed class LexResult
{
    public LexResult(ImmutableArray<Token> tokens, ImmutableArray<DiagnosticInfo> diagnostics)
    {
        Tokens = tokens;
        Diagnostics = diagnostics;
    }

    public ImmutableArray<Token> Tokens { get; }

    public ImmutableArray<DiagnosticInfo> Diagnostics { get; }
}
