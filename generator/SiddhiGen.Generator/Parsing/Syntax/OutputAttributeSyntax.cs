using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// One projected value: <c>expr as name</c>, or a bare attribute reference (<c>price</c>, <c>e1.price</c>,
/// whose output name is the attribute name). Any other expression without <c>as</c> is kept with a null
/// <see cref="Alias"/>: the binder reports it (SIDDHI036), as the grammar requires a name there.
/// </summary>
public sealed class OutputAttributeSyntax : SyntaxNode
{
    public OutputAttributeSyntax(ExpressionSyntax expression, IdentifierSyntax? alias, TextSpan span)
        : base(span)
    {
        Expression = expression;
        Alias = alias;
    }

    public ExpressionSyntax Expression { get; }

    /// <summary>The <c>as name</c>, or null.</summary>
    public IdentifierSyntax? Alias { get; }

    /// <summary>The output attribute name: the alias, else the referenced attribute's name.</summary>
    public string OutputName => Alias?.Text ?? (Expression as AttributeReferenceExpressionSyntax)?.Name.Text ?? string.Empty;
}
