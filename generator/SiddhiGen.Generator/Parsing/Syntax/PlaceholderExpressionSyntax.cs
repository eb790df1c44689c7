using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// A <c>${NAME}</c> placeholder in an expression position. Siddhi substitutes it textually from system
/// properties or environment variables before parsing; the binder decides what to do with it.
/// </summary>
public sealed class PlaceholderExpressionSyntax : ExpressionSyntax
{
    public PlaceholderExpressionSyntax(string name, TextSpan span)
        : base(span) => Name = name;

    /// <summary>The variable name between <c>${</c> and <c>}</c>.</summary>
    public string Name { get; }
}
