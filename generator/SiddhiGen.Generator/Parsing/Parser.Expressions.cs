using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// Expressions, by precedence climbing over SiddhiQL's levels (lowest first): <c>or</c>, <c>and</c>,
/// <c>in T</c>, <c>== !=</c>, <c>&lt; &lt;= &gt; &gt;=</c>, <c>+ -</c>, <c>* / %</c>, prefix <c>not</c>,
/// postfix <c>is null</c>, primaries. All binary operators are left-associative.
/// </summary>
internal sealed partial class Parser
{
    private ExpressionSyntax ParseExpression()
    {
        EnterNesting("Expressions are");
        var result = ParseOr();
        ExitNesting();
        return result;
    }

    private ExpressionSyntax ParseOr()
    {
        var left = ParseAnd();
        while (At(TokenKind.OrKeyword))
        {
            var op = Advance();
            var right = ParseAnd();
            left = new BinaryExpressionSyntax(left, BinaryOperator.Or, op.Span, right, TextSpan.FromBounds(left.Span.Start, right.Span.End));
        }

        return left;
    }

    private ExpressionSyntax ParseAnd()
    {
        var left = ParseIn();
        while (At(TokenKind.AndKeyword))
        {
            var op = Advance();
            var right = ParseIn();
            left = new BinaryExpressionSyntax(left, BinaryOperator.And, op.Span, right, TextSpan.FromBounds(left.Span.Start, right.Span.End));
        }

        return left;
    }

    private ExpressionSyntax ParseIn()
    {
        var left = ParseEquality();
        while (At(TokenKind.InKeyword))
        {
            Advance();
            var table = ExpectName("a table name", "after 'in'");
            left = new InExpressionSyntax(left, table, TextSpan.FromBounds(left.Span.Start, table.Span.End));
        }

        return left;
    }

    private ExpressionSyntax ParseEquality()
    {
        var left = ParseRelational();
        while (At(TokenKind.EqualEqual) || At(TokenKind.NotEqual))
        {
            var op = Advance();
            var right = ParseRelational();
            var kind = op.Kind == TokenKind.EqualEqual ? BinaryOperator.Equal : BinaryOperator.NotEqual;
            left = new BinaryExpressionSyntax(left, kind, op.Span, right, TextSpan.FromBounds(left.Span.Start, right.Span.End));
        }

        return left;
    }

    private ExpressionSyntax ParseRelational()
    {
        var left = ParseAdditive();
        while (true)
        {
            BinaryOperator kind;
            switch (CurrentKind)
            {
                case TokenKind.LessThan: kind = BinaryOperator.LessThan; break;
                case TokenKind.LessThanOrEqual: kind = BinaryOperator.LessThanOrEqual; break;
                case TokenKind.GreaterThan: kind = BinaryOperator.GreaterThan; break;
                case TokenKind.GreaterThanOrEqual: kind = BinaryOperator.GreaterThanOrEqual; break;
                default: return left;
            }

            var op = Advance();
            var right = ParseAdditive();
            left = new BinaryExpressionSyntax(left, kind, op.Span, right, TextSpan.FromBounds(left.Span.Start, right.Span.End));
        }
    }

    private ExpressionSyntax ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (At(TokenKind.Plus) || At(TokenKind.Minus))
        {
            var op = Advance();
            var right = ParseMultiplicative();
            var kind = op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinaryExpressionSyntax(left, kind, op.Span, right, TextSpan.FromBounds(left.Span.Start, right.Span.End));
        }

        return left;
    }

    private ExpressionSyntax ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            BinaryOperator kind;
            switch (CurrentKind)
            {
                case TokenKind.Star: kind = BinaryOperator.Multiply; break;
                case TokenKind.Slash: kind = BinaryOperator.Divide; break;
                case TokenKind.Percent: kind = BinaryOperator.Modulo; break;
                default: return left;
            }

            var op = Advance();
            var right = ParseUnary();
            left = new BinaryExpressionSyntax(left, kind, op.Span, right, TextSpan.FromBounds(left.Span.Start, right.Span.End));
        }
    }

    /// <summary>Prefix <c>not</c>, binding tighter than every binary operator (<c>not a &gt; 1</c> is <c>(not a) &gt; 1</c>).</summary>
    private ExpressionSyntax ParseUnary()
    {
        if (At(TokenKind.NotKeyword) && StartsOperandAt(1))
        {
            var start = Advance().Start;
            EnterNesting("Expressions are");
            var operand = ParseUnary();
            ExitNesting();
            return new NotExpressionSyntax(operand, TextSpan.FromBounds(start, operand.Span.End));
        }

        return ParsePostfix();
    }

    /// <summary>Can the token at <paramref name="offset"/> start an operand? (Keywords are names, so clause keywords are excluded.)</summary>
    private bool StartsOperandAt(int offset)
    {
        var kind = Peek(offset).Kind;
        switch (kind)
        {
            case TokenKind.OpenParen:
            case TokenKind.IntLiteral:
            case TokenKind.LongLiteral:
            case TokenKind.FloatLiteral:
            case TokenKind.DoubleLiteral:
            case TokenKind.StringLiteral:
            case TokenKind.Placeholder:
            case TokenKind.Hash:
            case TokenKind.Exclamation:
                return true;
            case TokenKind.Plus:
            case TokenKind.Minus:
                return TokenFacts.IsNumber(Peek(offset + 1).Kind);
            default:
                return TokenFacts.IsName(kind) && !IsClauseKeyword(kind);
        }
    }

    /// <summary>A primary followed by an optional <c>is null</c>.</summary>
    private ExpressionSyntax ParsePostfix()
    {
        var primary = ParsePrimary();
        if (At(TokenKind.IsKeyword) && Peek(1).Kind == TokenKind.NullKeyword)
        {
            if (primary is not (AttributeReferenceExpressionSyntax or StreamReferenceExpressionSyntax or FunctionCallExpressionSyntax))
            {
                throw Error(DiagnosticDescriptors.SyntaxError, Current.Span, "'is null' can only follow an attribute, a stream or event reference, or a function call, not '" + Excerpt(primary.Span) + "'");
            }

            Advance();
            var end = Advance().End;
            return new IsNullExpressionSyntax(primary, TextSpan.FromBounds(primary.Span.Start, end));
        }

        if (primary is StreamReferenceExpressionSyntax reference)
        {
            throw ErrorExpected("'.' and an attribute name", "after '" + Excerpt(reference.Span) + "' (or write '" + Excerpt(reference.Span) + " is null')");
        }

        return primary;
    }

    private ExpressionSyntax ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.OpenParen:
            {
                Advance();
                var inner = ParseExpression();
                Expect(TokenKind.CloseParen, "to close the parenthesis opened at " + Excerpt(token.Span) + "");
                return inner;
            }

            case TokenKind.IntLiteral when TokenFacts.GetTimeUnit(Peek(1).Kind) is not null:
                return ParseTimeValue("in the expression");
            case TokenKind.IntLiteral:
            case TokenKind.LongLiteral:
            case TokenKind.FloatLiteral:
            case TokenKind.DoubleLiteral:
                return ParseNumberLiteral(negative: false, token.Start);
            case TokenKind.Plus:
            case TokenKind.Minus:
                return ParseSignedLiteral();
            case TokenKind.StringLiteral:
                Advance();
                return new LiteralExpressionSyntax(LiteralKind.String, token.Value ?? string.Empty, _text.Substring(token.Start, token.Length), token.Span);
            case TokenKind.TrueKeyword or TokenKind.FalseKeyword when !ContinuesAsName(Peek(1).Kind):
                Advance();
                return new LiteralExpressionSyntax(LiteralKind.Bool, token.Kind == TokenKind.TrueKeyword, token.Value ?? string.Empty, token.Span);
            case TokenKind.Placeholder:
                Advance();
                return new PlaceholderExpressionSyntax(token.Value ?? string.Empty, token.Span);
            case TokenKind.Hash:
            case TokenKind.Exclamation:
                return ParseReference();
            default:
                if (TokenFacts.IsName(token.Kind))
                {
                    return ParseNameExpression();
                }

                throw ErrorExpected("an expression", _position > 0 ? "after " + DescribeToken(Previous) : "here");
        }
    }

    /// <summary>Would a token after <c>true</c>/<c>false</c> make it a name (<c>true.x</c>, <c>true(...)</c>)?</summary>
    private static bool ContinuesAsName(TokenKind next) =>
        next == TokenKind.Dot || next == TokenKind.OpenParen || next == TokenKind.Colon || next == TokenKind.OpenBracket;

    /// <summary>A '+' or '-' is only valid as the sign of a numeric literal: SiddhiQL has no unary minus.</summary>
    private ExpressionSyntax ParseSignedLiteral()
    {
        var sign = Current;
        if (!TokenFacts.IsNumber(Peek(1).Kind) || (Peek(1).Kind == TokenKind.IntLiteral && TokenFacts.GetTimeUnit(Peek(2).Kind) is not null))
        {
            throw Error(DiagnosticDescriptors.UnaryOperatorNotSupported, sign.Span, sign.Kind == TokenKind.Minus ? "-" : "+");
        }

        Advance();
        return ParseNumberLiteral(sign.Kind == TokenKind.Minus, sign.Start);
    }

    /// <summary>A function call <c>[ns:]name(...)</c> or an attribute/stream reference starting with a name.</summary>
    private ExpressionSyntax ParseNameExpression()
    {
        var start = Current.Start;
        if (Peek(1).Kind == TokenKind.OpenParen)
        {
            var name = ParseName();
            return ParseFunctionArguments(null, name, start);
        }

        if (Peek(1).Kind == TokenKind.Colon && TokenFacts.IsName(Peek(2).Kind) && Peek(3).Kind == TokenKind.OpenParen)
        {
            var @namespace = ParseName();
            Advance(); // :
            var name = ParseName();
            return ParseFunctionArguments(@namespace, name, start);
        }

        return ParseReference();
    }

    /// <summary>
    /// <c>[#|!]name[idx][#fn[idx]].attr</c>, a bare <c>attr</c>, or (without <c>.attr</c>) a stream
    /// reference such as <c>e1[last]</c> or <c>#S</c>, valid only before <c>is null</c>.
    /// </summary>
    private ExpressionSyntax ParseReference()
    {
        var start = Current.Start;
        var isInner = Accept(TokenKind.Hash);
        var isFault = !isInner && Accept(TokenKind.Exclamation);
        var name = ExpectName("a name", isInner ? "after '#'" : isFault ? "after '!'" : "in the expression");
        var index = At(TokenKind.OpenBracket) ? ParseEventIndex(name) : null;
        IdentifierSyntax? function = null;
        EventIndexSyntax? functionIndex = null;
        if (At(TokenKind.Hash) && TokenFacts.IsName(Peek(1).Kind) && (Peek(2).Kind == TokenKind.Dot || Peek(2).Kind == TokenKind.OpenBracket))
        {
            Advance(); // #
            function = ParseName();
            functionIndex = At(TokenKind.OpenBracket) ? ParseEventIndex(function) : null;
        }

        if (At(TokenKind.Dot))
        {
            var qualifier = new StreamQualifierSyntax(name, isInner, isFault, index, function, functionIndex, SpanFrom(start));
            Advance(); // .
            var attribute = ExpectName("an attribute name", "after '" + Excerpt(qualifier.Span) + ".'");
            return new AttributeReferenceExpressionSyntax(qualifier, attribute, SpanFrom(start));
        }

        if (isInner || isFault || index is not null || function is not null)
        {
            var stream = new StreamQualifierSyntax(name, isInner, isFault, index, function, functionIndex, SpanFrom(start));
            return new StreamReferenceExpressionSyntax(stream, stream.Span);
        }

        return new AttributeReferenceExpressionSyntax(null, name, name.Span);
    }

    /// <summary>An attribute reference where the grammar wants exactly that (group by, order by, set, aggregate by).</summary>
    private AttributeReferenceExpressionSyntax ParseAttributeReference(string context)
    {
        if (!AtName && !At(TokenKind.Hash) && !At(TokenKind.Exclamation))
        {
            throw ErrorExpected("an attribute name", context);
        }

        var start = Current;
        var reference = ParseReference();
        if (reference is AttributeReferenceExpressionSyntax attribute)
        {
            return attribute;
        }

        throw Error(DiagnosticDescriptors.SyntaxError, reference.Span, "Expected an attribute reference " + context + ", found " + DescribeToken(start) + "...");
    }

    /// <summary><c>[n]</c>, <c>[last]</c> or <c>[last-n]</c> after a pattern event name.</summary>
    private EventIndexSyntax ParseEventIndex(IdentifierSyntax owner)
    {
        var start = Current.Start;
        Advance(); // [
        EventIndexSyntax index;
        if (At(TokenKind.IntLiteral))
        {
            index = new EventIndexSyntax(false, ParseIntValue(), default);
        }
        else if (Accept(TokenKind.LastKeyword))
        {
            var back = 0;
            if (Accept(TokenKind.Minus))
            {
                if (!At(TokenKind.IntLiteral))
                {
                    throw ErrorExpected("an integer", "after 'last-' in the index of " + Quote(owner));
                }

                back = ParseIntValue();
            }

            index = new EventIndexSyntax(true, back, default);
        }
        else
        {
            throw ErrorExpected("an event index (a number, 'last' or 'last-n')", "in '" + owner.Text + "[...]'");
        }

        Expect(TokenKind.CloseBracket, "to close the index of " + Quote(owner));
        return new EventIndexSyntax(index.IsLast, index.Value, SpanFrom(start));
    }
}
