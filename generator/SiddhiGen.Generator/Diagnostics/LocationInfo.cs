using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Diagnostics;

/// <summary>
/// Where a diagnostic points inside a <c>.siddhi</c> file. Plain equatable data, so it can travel
/// through the incremental pipeline; <see cref="ToLocation"/> makes the Roslyn location at the end.
/// </summary>
public sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    /// <summary>1-based line, as shown by <c>dotnet build</c>.</summary>
    public int Line => LineSpan.Start.Line + 1;

    /// <summary>1-based column, as shown by <c>dotnet build</c>.</summary>
    public int Column => LineSpan.Start.Character + 1;
}
