using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// A whole <c>.siddhi</c> app: <c>@app:</c> annotations, then the definitions, then the queries and
/// partitions, in source order. When the parse reported errors, elements that failed to parse are
/// missing from the lists (the rest of the file is still here).
/// </summary>
public sealed class AppSyntax : SyntaxNode
{
    public AppSyntax(
        string text,
        ImmutableArray<AnnotationSyntax> appAnnotations,
        ImmutableArray<DefinitionSyntax> definitions,
        ImmutableArray<ExecutionElementSyntax> executionElements,
        TextSpan span)
        : base(span)
    {
        Text = text;
        AppAnnotations = appAnnotations;
        Definitions = definitions;
        ExecutionElements = executionElements;
    }

    /// <summary>The full source text the tree was parsed from.</summary>
    public string Text { get; }

    /// <summary>The <c>@app:name(...)</c>, <c>@app:playback</c>, ... annotations at the top of the app.</summary>
    public ImmutableArray<AnnotationSyntax> AppAnnotations { get; }

    /// <summary>Stream, table, window, trigger, function and aggregation definitions, in source order.</summary>
    public ImmutableArray<DefinitionSyntax> Definitions { get; }

    /// <summary>Queries and partitions, in source order.</summary>
    public ImmutableArray<ExecutionElementSyntax> ExecutionElements { get; }

    /// <summary>The source text of a node of this tree, e.g. a query to print as a comment.</summary>
    public string GetText(SyntaxNode node) => GetText(node.Span);

    /// <summary>The source text of a span of this app.</summary>
    public string GetText(TextSpan span)
    {
        var start = span.Start < 0 ? 0 : span.Start > Text.Length ? Text.Length : span.Start;
        var end = span.End > Text.Length ? Text.Length : span.End;
        return end <= start ? string.Empty : Text.Substring(start, end - start);
    }
}
