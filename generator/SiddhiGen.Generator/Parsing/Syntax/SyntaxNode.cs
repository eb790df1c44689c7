using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// Base of every node of the SiddhiQL syntax tree. Nodes are immutable and carry the span of the source
/// text they were parsed from, so the binder can point a diagnostic at exactly that text.
/// </summary>
public abstract class SyntaxNode
{
    protected SyntaxNode(TextSpan span) => Span = span;

    /// <summary>The source text this node covers (from its first to its last token).</summary>
    public TextSpan Span { get; }
}
