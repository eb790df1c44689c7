using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>Query inputs: single streams with handlers, joins and anonymous (nested) queries.</summary>
internal sealed partial class Parser
{
    /// <summary>
    /// Decides the input form. Patterns and sequences are recognised by their first token (<c>every</c>,
    /// <c>not</c>, <c>e1=</c>, <c>(</c>) or by what follows the first stream (<c>-&gt;</c>, <c>,</c>,
    /// <c>&lt;n&gt;</c>, <c>and</c>/<c>or</c>, <c>+*?</c>, <c>within</c>); joins by a join keyword.
    /// </summary>
    private InputSyntax ParseQueryInput()
    {
        var start = Current.Start;
        if (At(TokenKind.OpenParen) && IsAnonymousInputStart())
        {
            return ParseAnonymousInput();
        }

        if (StartsStateInput())
        {
            return ParseStateInput(null, start);
        }

        var first = ParseSingleSource(allowWindow: true, allowPostWindowHandlers: true, allowAlias: true, "in the query input");
        var firstUnidirectional = At(TokenKind.UnidirectionalKeyword) ? Advance().Span : default(TextSpan?);
        if (AtJoinKeyword())
        {
            return ParseJoin(first, firstUnidirectional is not null, start);
        }

        if (firstUnidirectional is { } unidirectionalSpan)
        {
            throw Error(DiagnosticDescriptors.SyntaxError, unidirectionalSpan, "'unidirectional' is only allowed on a side of a join");
        }

        if (AtStateContinuation())
        {
            return ParseStateInput(ToStateElement(first), start);
        }

        if (first.Alias is not null)
        {
            throw Error(DiagnosticDescriptors.SyntaxError, first.Alias.Span, "An alias ('as " + first.Alias.Text + "') is only allowed on a side of a join");
        }

        return first;
    }

    /// <summary><c>S[cond]#fn(...)#window.w(...)[cond] [as alias]</c>.</summary>
    private SingleInputSyntax ParseSingleSource(bool allowWindow, bool allowPostWindowHandlers, bool allowAlias, string context)
    {
        var start = Current.Start;
        var source = ParseSource("a stream name", context);
        var handlers = ParseStreamHandlers(allowWindow, allowPostWindowHandlers, "stream " + Quote(source.Name));
        IdentifierSyntax? alias = null;
        if (allowAlias && Accept(TokenKind.AsKeyword))
        {
            alias = ExpectName("an alias", "after 'as' in the query input");
        }

        return new SingleInputSyntax(source, handlers, alias, SpanFrom(start));
    }

    /// <summary>Filters <c>[c]</c>/<c>#[c]</c>, stream functions <c>#ns:fn(...)</c> and at most one <c>#window.ns:w(...)</c>.</summary>
    private ImmutableArray<StreamHandlerSyntax> ParseStreamHandlers(bool allowWindow, bool allowPostWindowHandlers, string owner)
    {
        var handlers = ImmutableArray.CreateBuilder<StreamHandlerSyntax>();
        var sawWindow = false;
        while (true)
        {
            var start = Current.Start;
            if (At(TokenKind.OpenBracket) || (At(TokenKind.Hash) && Peek(1).Kind == TokenKind.OpenBracket))
            {
                ReportPostWindowHandler(sawWindow, allowPostWindowHandlers, owner);
                Accept(TokenKind.Hash);
                Advance(); // [
                var condition = ParseExpression();
                Expect(TokenKind.CloseBracket, "to close the filter on " + owner);
                handlers.Add(new FilterHandlerSyntax(condition, SpanFrom(start)));
            }
            else if (At(TokenKind.Hash) && Peek(1).Kind == TokenKind.WindowKeyword && Peek(2).Kind == TokenKind.Dot)
            {
                if (!allowWindow)
                {
                    throw Error(DiagnosticDescriptors.SyntaxError, Peek(1).Span, "A window is not allowed on " + owner + " in a pattern or sequence");
                }

                if (sawWindow)
                {
                    throw Error(DiagnosticDescriptors.SyntaxError, Peek(1).Span, "Only one window is allowed on " + owner);
                }

                Advance(); // #
                Advance(); // window
                Advance(); // .
                var function = ParseFunctionOperation("the window of " + owner);
                handlers.Add(new WindowHandlerSyntax(function, SpanFrom(start)));
                sawWindow = true;
            }
            else if (At(TokenKind.Hash) && TokenFacts.IsName(Peek(1).Kind) && (Peek(2).Kind == TokenKind.OpenParen || Peek(2).Kind == TokenKind.Colon))
            {
                ReportPostWindowHandler(sawWindow, allowPostWindowHandlers, owner);
                Advance(); // #
                var function = ParseFunctionOperation("a stream function on " + owner);
                handlers.Add(new StreamFunctionHandlerSyntax(function, SpanFrom(start)));
            }
            else if (At(TokenKind.Hash))
            {
                Advance();
                throw ErrorExpected("'[', 'window.' or a stream function", "after '#' on " + owner);
            }
            else
            {
                return handlers.ToImmutable();
            }
        }
    }

    private void ReportPostWindowHandler(bool sawWindow, bool allowed, string owner)
    {
        if (sawWindow && !allowed)
        {
            throw Error(DiagnosticDescriptors.SyntaxError, Current.Span, "A join side cannot have filters or stream functions after its window (" + owner + ")");
        }
    }

    /// <summary><c>name(args)</c> or <c>ns:name(args)</c>, with <c>f()</c> and <c>f(*)</c>.</summary>
    private FunctionCallExpressionSyntax ParseFunctionOperation(string context)
    {
        var start = Current.Start;
        var name = ExpectName("a function name", "for " + context);
        IdentifierSyntax? @namespace = null;
        if (Accept(TokenKind.Colon))
        {
            @namespace = name;
            name = ExpectName("a function name", "after '" + @namespace.Text + ":' in " + context);
        }

        return ParseFunctionArguments(@namespace, name, start);
    }

    private FunctionCallExpressionSyntax ParseFunctionArguments(IdentifierSyntax? @namespace, IdentifierSyntax name, int start)
    {
        var fullName = @namespace is null ? name.Text : @namespace.Text + ":" + name.Text;
        Expect(TokenKind.OpenParen, "after the function name '" + fullName + "'");
        var arguments = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        var isStar = false;
        if (Accept(TokenKind.Star))
        {
            isStar = true;
        }
        else if (!At(TokenKind.CloseParen))
        {
            do
            {
                arguments.Add(ParseExpression());
            }
            while (Accept(TokenKind.Comma));
        }

        if (!At(TokenKind.CloseParen))
        {
            throw ErrorExpected(isStar ? "')'" : "',' or ')'", "in the arguments of '" + fullName + "'");
        }

        Advance();
        return new FunctionCallExpressionSyntax(@namespace, name, arguments.ToImmutable(), isStar, SpanFrom(start));
    }

    private bool AtJoinKeyword() => CurrentKind switch
    {
        TokenKind.JoinKeyword or TokenKind.InnerKeyword or TokenKind.OuterKeyword => true,
        TokenKind.LeftKeyword or TokenKind.RightKeyword or TokenKind.FullKeyword => Peek(1).Kind == TokenKind.OuterKeyword || Peek(1).Kind == TokenKind.JoinKeyword,
        _ => false,
    };

    /// <summary><c>L [unidirectional] &lt;join&gt; R [unidirectional] [on c] [within a[, b] per g]</c>.</summary>
    private JoinInputSyntax ParseJoin(SingleInputSyntax left, bool leftUnidirectional, int start)
    {
        var kindStart = Current.Start;
        JoinKind kind;
        switch (CurrentKind)
        {
            case TokenKind.LeftKeyword:
            case TokenKind.RightKeyword:
            case TokenKind.FullKeyword:
                var side = Advance();
                kind = side.Kind == TokenKind.LeftKeyword ? JoinKind.LeftOuter : side.Kind == TokenKind.RightKeyword ? JoinKind.RightOuter : JoinKind.FullOuter;
                Expect(TokenKind.OuterKeyword, "after " + DescribeToken(side) + " (write '" + (side.Value ?? string.Empty).ToLowerInvariant() + " outer join')");
                break;
            case TokenKind.OuterKeyword:
                Advance();
                kind = JoinKind.FullOuter;
                if (At(TokenKind.JoinKeyword))
                {
                    Report(DiagnosticDescriptors.BareOuterJoin, TextSpan.FromBounds(kindStart, Current.End));
                }

                break;
            default:
                Accept(TokenKind.InnerKeyword);
                kind = JoinKind.Inner;
                break;
        }

        Expect(TokenKind.JoinKeyword, "in the join");
        var kindSpan = SpanFrom(kindStart);
        var right = ParseSingleSource(allowWindow: true, allowPostWindowHandlers: true, allowAlias: true, "after the join keyword");
        CheckJoinSide(left);
        CheckJoinSide(right);
        var rightUnidirectional = false;
        if (At(TokenKind.UnidirectionalKeyword))
        {
            var token = Advance();
            if (leftUnidirectional)
            {
                throw Error(DiagnosticDescriptors.SyntaxError, token.Span, "'unidirectional' may be written on one side of a join only");
            }

            rightUnidirectional = true;
        }

        var on = Accept(TokenKind.OnKeyword) ? ParseExpression() : null;
        ExpressionSyntax? withinStart = null;
        ExpressionSyntax? withinEnd = null;
        ExpressionSyntax? per = null;
        if (Accept(TokenKind.WithinKeyword))
        {
            withinStart = ParseExpression();
            if (Accept(TokenKind.Comma))
            {
                withinEnd = ParseExpression();
            }

            Expect(TokenKind.PerKeyword, "after the 'within' range of the join");
            per = ParseExpression();
        }

        return new JoinInputSyntax(left, leftUnidirectional, kind, kindSpan, right, rightUnidirectional, on, withinStart, withinEnd, per, SpanFrom(start));
    }

    /// <summary>A join side takes handlers and a window, but nothing after the window (grammar rule join_source).</summary>
    private void CheckJoinSide(SingleInputSyntax side)
    {
        var post = side.PostWindowHandlers;
        if (!post.IsEmpty)
        {
            throw Error(DiagnosticDescriptors.SyntaxError, post[0].Span, "A join side cannot have filters or stream functions after its window (stream " + Quote(side.Source.Name) + ")");
        }
    }

    /// <summary>'(' repeated, then 'from': a nested query rather than a pattern group.</summary>
    private bool IsAnonymousInputStart()
    {
        var offset = 0;
        while (Peek(offset).Kind == TokenKind.OpenParen)
        {
            offset++;
        }

        return Peek(offset).Kind == TokenKind.FromKeyword;
    }

    /// <summary><c>(from ... [select ...] [output ...] return [events])</c>, possibly in extra parentheses.</summary>
    private AnonymousInputSyntax ParseAnonymousInput()
    {
        var start = Current.Start;
        EnterNesting("Nested queries are");
        Expect(TokenKind.OpenParen, "to start a nested query");
        AnonymousInputSyntax result;
        if (At(TokenKind.OpenParen))
        {
            result = ParseAnonymousInput();
        }
        else
        {
            Expect(TokenKind.FromKeyword, "to start a nested query");
            var input = ParseQueryInput();
            var selector = At(TokenKind.SelectKeyword) ? ParseSelector(groupByOnly: false) : null;
            var outputRate = At(TokenKind.OutputKeyword) ? ParseOutputRate() : null;
            Expect(TokenKind.ReturnKeyword, "at the end of a nested query");
            var eventType = ParseOptionalEventType();
            result = new AnonymousInputSyntax(input, selector, outputRate, eventType, SpanFrom(start));
        }

        Expect(TokenKind.CloseParen, "to close the nested query");
        ExitNesting();
        return result;
    }
}
