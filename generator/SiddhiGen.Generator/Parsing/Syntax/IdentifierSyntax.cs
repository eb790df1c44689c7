using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// A name: an identifier, a keyword used as a name (SiddhiQL's <c>name</c> rule is <c>id | keyword</c>),
/// or a backtick-quoted identifier. <see cref="Text"/> is case-sensitive and has the backticks stripped.
/// </summary>
public sealed class IdentifierSyntax : SyntaxNode
{
    public IdentifierSyntax(string text, bool isQuoted, TextSpan span)
        : base(span)
    {
        Text = text;
        IsQuoted = isQuoted;
    }

    /// <summary>The name as written (backticks stripped), e.g. <c>StockStream</c>.</summary>
    public string Text { get; }

    /// <summary>True when written in backticks (<c>`my name`</c>).</summary>
    public bool IsQuoted { get; }

    public override string ToString() => Text;
}
