using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>The join kinds SiddhiQL accepts (a bare <c>outer join</c> is a syntax error).</summary>
public enum JoinKind
{
    Inner,
    LeftOuter,
    RightOuter,
    FullOuter,
}

/// <summary>
/// <c>L [as a] [unidirectional] &lt;join&gt; R [as b] [unidirectional] [on cond] [within start[, end] per gran]</c>.
/// </summary>
public sealed class JoinInputSyntax : InputSyntax
{
    public JoinInputSyntax(
        SingleInputSyntax left,
        bool isLeftUnidirectional,
        JoinKind kind,
        TextSpan kindSpan,
        SingleInputSyntax right,
        bool isRightUnidirectional,
        ExpressionSyntax? on,
        ExpressionSyntax? withinStart,
        ExpressionSyntax? withinEnd,
        ExpressionSyntax? per,
        TextSpan span)
        : base(span)
    {
        Left = left;
        IsLeftUnidirectional = isLeftUnidirectional;
        Kind = kind;
        KindSpan = kindSpan;
        Right = right;
        IsRightUnidirectional = isRightUnidirectional;
        On = on;
        WithinStart = withinStart;
        WithinEnd = withinEnd;
        Per = per;
    }

    public SingleInputSyntax Left { get; }

    public bool IsLeftUnidirectional { get; }

    public JoinKind Kind { get; }

    /// <summary>The span of the join keywords (<c>left outer join</c>).</summary>
    public TextSpan KindSpan { get; }

    public SingleInputSyntax Right { get; }

    public bool IsRightUnidirectional { get; }

    /// <summary>The <c>on</c> condition, or null.</summary>
    public ExpressionSyntax? On { get; }

    /// <summary>The first (or only) <c>within</c> bound, for joins with an aggregation; or null.</summary>
    public ExpressionSyntax? WithinStart { get; }

    /// <summary>The second <c>within</c> bound, or null.</summary>
    public ExpressionSyntax? WithinEnd { get; }

    /// <summary>The <c>per</c> granularity expression, or null.</summary>
    public ExpressionSyntax? Per { get; }
}
