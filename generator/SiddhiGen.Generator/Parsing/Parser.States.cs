using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// Patterns (<c>-&gt;</c>) and sequences (<c>,</c>): chains of elements, each an <c>every</c>, a group,
/// a logical pair (<c>and</c>/<c>or</c>), an absent element (<c>not S for t</c>) or a stream element with
/// an optional count (<c>&lt;n:m&gt;</c>, and in sequences <c>+ * ?</c>).
/// </summary>
internal sealed partial class Parser
{
    /// <summary>State of one pattern/sequence parse: its kind once a separator decides it, and checks deferred until then.</summary>
    private sealed class StateParseContext
    {
        public StateInputKind? Kind;

        /// <summary>Spans of <c>+</c>, <c>*</c>, <c>?</c> quantifiers, which only sequences allow.</summary>
        public readonly List<TextSpan> SequenceQuantifiers = new();
    }

    private static bool IsClauseKeyword(TokenKind kind) => kind switch
    {
        TokenKind.SelectKeyword or TokenKind.InsertKeyword or TokenKind.DeleteKeyword or TokenKind.UpdateKeyword
            or TokenKind.ReturnKeyword or TokenKind.OutputKeyword or TokenKind.AsKeyword or TokenKind.JoinKeyword
            or TokenKind.InnerKeyword or TokenKind.LeftKeyword or TokenKind.RightKeyword or TokenKind.FullKeyword
            or TokenKind.OuterKeyword or TokenKind.UnidirectionalKeyword or TokenKind.OnKeyword or TokenKind.WithinKeyword
            or TokenKind.PerKeyword or TokenKind.GroupKeyword or TokenKind.HavingKeyword or TokenKind.OrderKeyword
            or TokenKind.LimitKeyword or TokenKind.OffsetKeyword or TokenKind.OfKeyword or TokenKind.AndKeyword
            or TokenKind.OrKeyword or TokenKind.InKeyword or TokenKind.IsKeyword or TokenKind.ForKeyword
            or TokenKind.AscKeyword or TokenKind.DescKeyword => true,
        _ => false,
    };

    /// <summary>True when the token at <paramref name="offset"/> can start a stream reference (<c>S</c>, <c>#S</c>, <c>!S</c>).</summary>
    private bool StartsSourceAt(int offset)
    {
        var kind = Peek(offset).Kind;
        if (kind == TokenKind.Hash || kind == TokenKind.Exclamation)
        {
            // "#fn(" after a stream named like a keyword is a stream function, not an inner stream.
            return TokenFacts.IsName(Peek(offset + 1).Kind) && Peek(offset + 2).Kind != TokenKind.OpenParen && Peek(offset + 2).Kind != TokenKind.Colon;
        }

        return TokenFacts.IsName(kind) && !IsClauseKeyword(kind);
    }

    /// <summary>Does the input start like a pattern or sequence (<c>every</c>, <c>not S</c>, <c>e1=</c>, a group)?</summary>
    private bool StartsStateInput() => CurrentKind switch
    {
        TokenKind.OpenParen => true,
        TokenKind.EveryKeyword => Peek(1).Kind == TokenKind.OpenParen || StartsSourceAt(1),
        TokenKind.NotKeyword => StartsSourceAt(1),
        _ => AtName && Peek(1).Kind == TokenKind.Assign,
    };

    /// <summary>After a first stream: does a pattern/sequence continue here?</summary>
    private bool AtStateContinuation() => CurrentKind switch
    {
        TokenKind.Arrow or TokenKind.Comma or TokenKind.LessThan or TokenKind.AndKeyword or TokenKind.OrKeyword
            or TokenKind.Plus or TokenKind.Star or TokenKind.Question or TokenKind.WithinKeyword => true,
        _ => false,
    };

    /// <summary>Turns a first stream parsed as a plain input into a pattern element (no window or alias there).</summary>
    private StreamStateElementSyntax ToStateElement(SingleInputSyntax input)
    {
        if (input.Window is { } window)
        {
            throw Error(DiagnosticDescriptors.SyntaxError, window.Span, "A window is not allowed on stream " + Quote(input.Source.Name) + " in a pattern or sequence");
        }

        if (input.Alias is not null)
        {
            throw Error(DiagnosticDescriptors.SyntaxError, input.Alias.Span, "Pattern and sequence events are named with 'e1=S', not 'S as e1'");
        }

        return new StreamStateElementSyntax(null, input.Source, input.Handlers, input.Span);
    }

    private StateInputSyntax ParseStateInput(StreamStateElementSyntax? first, int start)
    {
        var context = new StateParseContext();
        var root = ParseStateChain(first, context);
        var kind = context.Kind ?? StateInputKind.Pattern;
        if (kind == StateInputKind.Pattern && context.SequenceQuantifiers.Count > 0)
        {
            throw Error(DiagnosticDescriptors.SyntaxError, context.SequenceQuantifiers[0], "'+', '*' and '?' are only allowed in sequences (',' between elements); in a pattern use '<n:m>'");
        }

        if (kind == StateInputKind.Sequence)
        {
            CheckSequenceEvery(root);
        }

        TimeConstantExpressionSyntax? within = null;
        if (Accept(TokenKind.WithinKeyword))
        {
            within = ParseTimeValue("after 'within' in the " + (kind == StateInputKind.Pattern ? "pattern" : "sequence"));
        }

        return new StateInputSyntax(kind, root, within, SpanFrom(start));
    }

    /// <summary>In a sequence, <c>every</c> may only prefix the first element.</summary>
    private void CheckSequenceEvery(StateElementSyntax root)
    {
        if (root is StateChainSyntax chain)
        {
            for (var i = 1; i < chain.Elements.Length; i++)
            {
                if (chain.Elements[i] is EveryStateElementSyntax every)
                {
                    throw Error(DiagnosticDescriptors.SyntaxError, new TextSpan(every.Span.Start, 5), "In a sequence, 'every' is only allowed before the first element");
                }
            }
        }
    }

    /// <summary>Elements separated by <c>-&gt;</c> or <c>,</c> (never both); nested chains are flattened.</summary>
    private StateElementSyntax ParseStateChain(StreamStateElementSyntax? first, StateParseContext context)
    {
        var start = first?.Span.Start ?? Current.Start;
        var elements = ImmutableArray.CreateBuilder<StateElementSyntax>();
        AddFlattened(elements, first is null ? ParseStateTerm(context) : ParseStateLogical(first, context));
        while (At(TokenKind.Arrow) || At(TokenKind.Comma))
        {
            var separatorKind = At(TokenKind.Arrow) ? StateInputKind.Pattern : StateInputKind.Sequence;
            if (context.Kind is { } known && known != separatorKind)
            {
                throw Error(DiagnosticDescriptors.SyntaxError, Current.Span, "A pattern ('->') and a sequence (',') cannot be mixed in one query input");
            }

            context.Kind = separatorKind;
            Advance();
            AddFlattened(elements, ParseStateTerm(context));
        }

        return elements.Count == 1 ? elements[0] : new StateChainSyntax(elements.ToImmutable(), SpanFrom(start));
    }

    private static void AddFlattened(ImmutableArray<StateElementSyntax>.Builder elements, StateElementSyntax element)
    {
        if (element is StateChainSyntax chain)
        {
            elements.AddRange(chain.Elements);
        }
        else
        {
            elements.Add(element);
        }
    }

    /// <summary><c>every X</c> or X, where X is a logical pair, a group or a single element.</summary>
    private StateElementSyntax ParseStateTerm(StateParseContext context)
    {
        if (At(TokenKind.EveryKeyword) && (Peek(1).Kind == TokenKind.OpenParen || StartsSourceAt(1)))
        {
            var start = Advance().Start;
            var inner = ParseStateLogical(null, context);
            if (inner is EveryStateElementSyntax)
            {
                throw Error(DiagnosticDescriptors.SyntaxError, inner.Span, "'every' cannot be repeated");
            }

            return new EveryStateElementSyntax(inner, SpanFrom(start));
        }

        return ParseStateLogical(null, context);
    }

    /// <summary><c>A and B</c> / <c>A or B</c> (exactly two operands), or a single unary element.</summary>
    private StateElementSyntax ParseStateLogical(StreamStateElementSyntax? first, StateParseContext context)
    {
        var start = first?.Span.Start ?? Current.Start;
        var left = first is null ? ParseStateUnary(context) : ParseCountSuffix(first, context);
        if (!At(TokenKind.AndKeyword) && !At(TokenKind.OrKeyword))
        {
            RequireAbsentFor(left, null);
            return left;
        }

        var operatorToken = Advance();
        var op = operatorToken.Kind == TokenKind.AndKeyword ? LogicalStateOperator.And : LogicalStateOperator.Or;
        var right = ParseStateUnary(context);
        CheckLogicalOperand(left, operatorToken);
        CheckLogicalOperand(right, operatorToken);
        RequireAbsentFor(left, op);
        RequireAbsentFor(right, op);
        if (left is AbsentStateElementSyntax { For: null } && right is AbsentStateElementSyntax { For: null })
        {
            throw Error(DiagnosticDescriptors.SyntaxError, right.Span, "At least one side of 'and' must be a stream event when neither absent element has 'for <time>'");
        }

        if (At(TokenKind.AndKeyword) || At(TokenKind.OrKeyword))
        {
            throw Error(DiagnosticDescriptors.SyntaxError, Current.Span, "A logical pattern element takes exactly two operands; split it with '->' or ','");
        }

        return new LogicalStateElementSyntax(left, op, right, SpanFrom(start));
    }

    private void CheckLogicalOperand(StateElementSyntax operand, Token operatorToken)
    {
        if (operand is not StreamStateElementSyntax and not AbsentStateElementSyntax)
        {
            var what = operand is CountStateElementSyntax ? "a counting element" : "a group";
            throw Error(DiagnosticDescriptors.SyntaxError, operand.Span, "An operand of '" + (operatorToken.Value ?? string.Empty).ToLowerInvariant() + "' must be a single stream element, not " + what);
        }
    }

    /// <summary><c>not S</c> without <c>for &lt;time&gt;</c> is only valid as an operand of <c>and</c>.</summary>
    private void RequireAbsentFor(StateElementSyntax element, LogicalStateOperator? op)
    {
        if (element is AbsentStateElementSyntax { For: null } absent && op != LogicalStateOperator.And)
        {
            throw Error(DiagnosticDescriptors.SyntaxError, absent.Span, "Expected 'for <time>' after the absent element " + Quote(absent.Source.Name) + " (only 'and' may combine it without one)");
        }
    }

    /// <summary>A group <c>( chain )</c>, an absent element <c>not S[c] [for t]</c>, or <c>[e=]S[c]</c> with a count.</summary>
    private StateElementSyntax ParseStateUnary(StateParseContext context)
    {
        if (At(TokenKind.OpenParen))
        {
            EnterNesting("Pattern groups are");
            Advance();
            var inner = ParseStateChain(null, context);
            Expect(TokenKind.CloseParen, "to close the pattern group");
            ExitNesting();
            return inner;
        }

        var start = Current.Start;
        if (At(TokenKind.NotKeyword) && StartsSourceAt(1))
        {
            Advance();
            var absentSource = ParseSource("a stream name", "after 'not'");
            var absentHandlers = ParseStreamHandlers(allowWindow: false, allowPostWindowHandlers: true, "stream " + Quote(absentSource.Name));
            var @for = Accept(TokenKind.ForKeyword) ? ParseTimeValue("after 'for' in 'not " + absentSource + "'") : null;
            return new AbsentStateElementSyntax(absentSource, absentHandlers, @for, SpanFrom(start));
        }

        if (At(TokenKind.EveryKeyword) && (Peek(1).Kind == TokenKind.OpenParen || StartsSourceAt(1)))
        {
            throw Error(DiagnosticDescriptors.SyntaxError, Current.Span, "'every' must come before the whole 'and'/'or' element, e.g. 'every (e1=A and e2=B)'");
        }

        IdentifierSyntax? eventName = null;
        if (AtName && Peek(1).Kind == TokenKind.Assign)
        {
            eventName = ParseName();
            Advance(); // =
        }

        var source = ParseSource(eventName is null ? "a stream name, 'not', 'every' or '('" : "a stream name", eventName is null ? "in the pattern" : "after '" + eventName.Text + "='");
        var handlers = ParseStreamHandlers(allowWindow: false, allowPostWindowHandlers: true, "stream " + Quote(source.Name));
        var element = new StreamStateElementSyntax(eventName, source, handlers, SpanFrom(start));
        return ParseCountSuffix(element, context);
    }

    /// <summary><c>&lt;n:m&gt;</c>, <c>&lt;n:&gt;</c>, <c>&lt;:m&gt;</c>, <c>&lt;n&gt;</c>, or (sequences) <c>+</c>, <c>*</c>, <c>?</c>.</summary>
    private StateElementSyntax ParseCountSuffix(StreamStateElementSyntax element, StateParseContext context)
    {
        var start = element.Span.Start;
        switch (CurrentKind)
        {
            case TokenKind.LessThan:
            {
                Advance();
                int? min = null;
                int? max = null;
                if (At(TokenKind.IntLiteral))
                {
                    min = ParseIntValue();
                    if (Accept(TokenKind.Colon))
                    {
                        max = At(TokenKind.IntLiteral) ? ParseIntValue() : null;
                    }
                    else
                    {
                        max = min;
                    }
                }
                else
                {
                    Expect(TokenKind.Colon, "in the count '<n:m>' (write '<n:m>', '<n:>', '<:m>' or '<n>')");
                    if (!At(TokenKind.IntLiteral))
                    {
                        throw ErrorExpected("an integer", "after '<:' in the count");
                    }

                    max = ParseIntValue();
                }

                Expect(TokenKind.GreaterThan, "to close the count '<n:m>'");
                return new CountStateElementSyntax(element, CountQuantifier.Range, min, max, SpanFrom(start));
            }

            case TokenKind.Plus:
            case TokenKind.Star:
            case TokenKind.Question:
            {
                var token = Advance();
                context.SequenceQuantifiers.Add(token.Span);
                return token.Kind switch
                {
                    TokenKind.Plus => new CountStateElementSyntax(element, CountQuantifier.OneOrMore, 1, null, SpanFrom(start)),
                    TokenKind.Star => new CountStateElementSyntax(element, CountQuantifier.ZeroOrMore, 0, null, SpanFrom(start)),
                    _ => new CountStateElementSyntax(element, CountQuantifier.ZeroOrOne, 0, 1, SpanFrom(start)),
                };
            }

            default:
                return element;
        }
    }
}
