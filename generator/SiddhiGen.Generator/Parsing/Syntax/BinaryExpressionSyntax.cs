using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>The binary operators, all left-associative.</summary>
public enum BinaryOperator
{
    Multiply,
    Divide,
    Modulo,
    Add,
    Subtract,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
}

/// <summary>
/// <c>left op right</c>. Precedence, highest first: <c>* / %</c>; <c>+ -</c>; <c>&lt; &lt;= &gt; &gt;=</c>;
/// <c>== !=</c>; (<c>in</c>); <c>and</c>; <c>or</c>.
/// </summary>
public sealed class BinaryExpressionSyntax : ExpressionSyntax
{
    public BinaryExpressionSyntax(ExpressionSyntax left, BinaryOperator @operator, TextSpan operatorSpan, ExpressionSyntax right, TextSpan span)
        : base(span)
    {
        Left = left;
        Operator = @operator;
        OperatorSpan = operatorSpan;
        Right = right;
    }

    public ExpressionSyntax Left { get; }

    public BinaryOperator Operator { get; }

    /// <summary>The span of the operator token, to point type errors at it.</summary>
    public TextSpan OperatorSpan { get; }

    public ExpressionSyntax Right { get; }
}
