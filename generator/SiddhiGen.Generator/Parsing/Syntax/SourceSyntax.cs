using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// A stream id read or written by a query: <c>S</c>, the inner stream <c>#S</c> (partition only) or the
/// fault stream <c>!S</c>. Used for inputs, pattern operands and output targets.
/// </summary>
public sealed class SourceSyntax : SyntaxNode
{
    public SourceSyntax(IdentifierSyntax name, bool isInner, bool isFault, TextSpan span)
        : base(span)
    {
        Name = name;
        IsInner = isInner;
        IsFault = isFault;
    }

    /// <summary>The id without its <c>#</c>/<c>!</c> prefix.</summary>
    public IdentifierSyntax Name { get; }

    /// <summary>Written <c>#S</c>.</summary>
    public bool IsInner { get; }

    /// <summary>Written <c>!S</c>.</summary>
    public bool IsFault { get; }

    public override string ToString() => (IsInner ? "#" : IsFault ? "!" : string.Empty) + Name.Text;
}
