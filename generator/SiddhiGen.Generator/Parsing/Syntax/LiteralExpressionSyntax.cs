using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>The type of a literal, which is the type of the constant in Siddhi.</summary>
public enum LiteralKind
{
    Int,
    Long,
    Float,
    Double,
    Bool,
    String,
}

/// <summary>
/// A constant. <see cref="Value"/> is a boxed <c>int</c>, <c>long</c>, <c>float</c>, <c>double</c>,
/// <c>bool</c> or <c>string</c> matching <see cref="Kind"/> (numbers include their sign; an int literal out
/// of range is reported by the parser and then holds 0). Time constants are <see cref="TimeConstantExpressionSyntax"/>.
/// </summary>
public sealed class LiteralExpressionSyntax : ExpressionSyntax
{
    public LiteralExpressionSyntax(LiteralKind kind, object value, string text, TextSpan span)
        : base(span)
    {
        Kind = kind;
        Value = value;
        Text = text;
    }

    public LiteralKind Kind { get; }

    public object Value { get; }

    /// <summary>The literal as written (with sign, suffix and quotes).</summary>
    public string Text { get; }
}
