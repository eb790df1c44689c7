using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// The source of an on-demand find: <c>from T [as x] [on cond] [within start[, end] per gran]</c>, where T
/// is a table, a named window or an aggregation.
/// </summary>
public sealed class StoreInputSyntax : SyntaxNode
{
    public StoreInputSyntax(
        IdentifierSyntax source,
        IdentifierSyntax? alias,
        ExpressionSyntax? on,
        ExpressionSyntax? withinStart,
        ExpressionSyntax? withinEnd,
        ExpressionSyntax? per,
        TextSpan span)
        : base(span)
    {
        Source = source;
        Alias = alias;
        On = on;
        WithinStart = withinStart;
        WithinEnd = withinEnd;
        Per = per;
    }

    public IdentifierSyntax Source { get; }

    public IdentifierSyntax? Alias { get; }

    public ExpressionSyntax? On { get; }

    public ExpressionSyntax? WithinStart { get; }

    public ExpressionSyntax? WithinEnd { get; }

    public ExpressionSyntax? Per { get; }
}
