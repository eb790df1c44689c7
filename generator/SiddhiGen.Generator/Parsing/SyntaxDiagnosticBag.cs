using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// Collects the lexer's and parser's diagnostics with exact line/column locations. It keeps at most
/// <see cref="MaxDiagnostics"/>, so a binary file does not produce thousands of errors.
/// </summary>
internal sealed class SyntaxDiagnosticBag
{
    public const int MaxDiagnostics = 100;

    private readonly string _filePath;
    private readonly string _text;
    private SourceText? _sourceText;
    private readonly ImmutableArray<DiagnosticInfo>.Builder _items = ImmutableArray.CreateBuilder<DiagnosticInfo>();

    public SyntaxDiagnosticBag(string filePath, string text)
    {
        _filePath = filePath ?? string.Empty;
        _text = text;
    }

    public int Count => _items.Count;

    /// <summary>Where each diagnostic reported so far starts (the parser takes the lexer's, to avoid cascades).</summary>
    public int[] GetStarts()
    {
        var starts = new int[_items.Count];
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = _items[i].Location!.Span.Start;
        }

        return starts;
    }

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
    {
        if (_items.Count >= MaxDiagnostics)
        {
            return;
        }

        // Line positions are computed only once something goes wrong: clean parses stay cheap.
        _sourceText ??= SourceText.From(_text);
        var length = _sourceText.Length;
        var start = span.Start < 0 ? 0 : span.Start > length ? length : span.Start;
        var end = span.End < start ? start : span.End > length ? length : span.End;
        var clamped = TextSpan.FromBounds(start, end);
        var location = new LocationInfo(_filePath, clamped, _sourceText.Lines.GetLinePositionSpan(clamped));
        _items.Add(DiagnosticInfo.Create(descriptor, location, args));
    }

    /// <summary>The diagnostics sorted by position (the lexer reports before the parser).</summary>
    public ImmutableArray<DiagnosticInfo> ToImmutableSorted()
    {
        var items = _items.ToArray();

        // A stable insertion sort: few diagnostics, and equal positions keep their report order.
        for (var i = 1; i < items.Length; i++)
        {
            var current = items[i];
            var j = i - 1;
            while (j >= 0 && items[j].Location!.Span.Start > current.Location!.Span.Start)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = current;
        }

        return items.ToImmutableArray();
    }
}
