using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// One element of an annotation: <c>key='value'</c> or a positional <c>'value'</c>. Keys may be dotted,
/// dashed or colon-separated (<c>buffer.size</c>, <c>on.error</c>) or a string (<c>'key'='value'</c>);
/// values are always strings.
/// </summary>
public sealed class AnnotationElementSyntax : SyntaxNode
{
    public AnnotationElementSyntax(IdentifierSyntax? key, StringValueSyntax value, TextSpan span)
        : base(span)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The key with its separators (e.g. <c>buffer.size</c>), or null for a positional value.</summary>
    public IdentifierSyntax? Key { get; }

    /// <summary>The value.</summary>
    public StringValueSyntax Value { get; }
}
