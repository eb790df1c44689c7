using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary><c>cond in T</c>: true when some row of table <c>T</c> satisfies <see cref="Condition"/>.</summary>
public sealed class InExpressionSyntax : ExpressionSyntax
{
    public InExpressionSyntax(ExpressionSyntax condition, IdentifierSyntax table, TextSpan span)
        : base(span)
    {
        Condition = condition;
        Table = table;
    }

    public ExpressionSyntax Condition { get; }

    public IdentifierSyntax Table { get; }
}
