using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// The recursive-descent parser. Error handling: the first error inside a definition, query or partition
/// query is reported and aborts that element (<see cref="SyntaxErrorException"/>, caught at element level);
/// the parser then resynchronizes at the next <c>;</c> or element keyword and goes on, so one file reports
/// several independent errors without cascades. Partial files are split over Parser.*.cs by construct.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>How deep expressions, pattern groups and nested queries may nest before we give up.</summary>
    internal const int MaxDepth = 100;

    private readonly string _text;
    private readonly ImmutableArray<Token> _tokens;
    private readonly SyntaxDiagnosticBag _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly int[] _lexicalErrorStarts;
    private int _position;
    private int _depth;

    /// <summary>Where the element being parsed starts; errors there after a lexical error are not reported (cascades).</summary>
    private int _elementStart;

    private Parser(string text, ImmutableArray<Token> tokens, SyntaxDiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        _text = text;
        _tokens = tokens;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _lexicalErrorStarts = diagnostics.GetStarts();
    }

    internal static Parser Create(string text, SyntaxDiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var tokens = Lexer.Lex(text, diagnostics, cancellationToken);
        return new Parser(text, tokens, diagnostics, cancellationToken);
    }

    private Token Current => _tokens[_position];

    private Token Previous => _tokens[_position == 0 ? 0 : _position - 1];

    private TokenKind CurrentKind => _tokens[_position].Kind;

    private Token Peek(int offset)
    {
        var index = _position + offset;
        return _tokens[index < _tokens.Length ? index : _tokens.Length - 1];
    }

    private bool At(TokenKind kind) => CurrentKind == kind;

    private bool AtName => TokenFacts.IsName(CurrentKind);

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.EndOfFile)
        {
            _position++;
        }

        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (CurrentKind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    /// <summary>Consumes a token of <paramref name="kind"/>, or reports "Expected X {context}, found Y" and aborts the element.</summary>
    private Token Expect(TokenKind kind, string context)
    {
        if (CurrentKind == kind)
        {
            return Advance();
        }

        throw ErrorExpected(TokenFacts.Describe(kind), context);
    }

    /// <summary>Consumes a name (identifier, backtick identifier or keyword) or reports and aborts.</summary>
    private IdentifierSyntax ExpectName(string what, string context)
    {
        if (!AtName)
        {
            throw ErrorExpected(what, context);
        }

        return ParseName();
    }

    private IdentifierSyntax ParseName()
    {
        var token = Advance();
        return new IdentifierSyntax(token.Value ?? string.Empty, token.Kind == TokenKind.QuotedIdentifier, token.Span);
    }

    /// <summary>The span from <paramref name="start"/> to the end of the last consumed token.</summary>
    private TextSpan SpanFrom(int start)
    {
        var end = Previous.End;
        return TextSpan.FromBounds(start, end < start ? start : end);
    }

    private SyntaxErrorException ErrorExpected(string expected, string context) =>
        Error(DiagnosticDescriptors.SyntaxError, Current.Span, "Expected " + expected + " " + context + ", found " + DescribeCurrent());

    private SyntaxErrorException Error(DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
    {
        if (!FollowsLexicalError())
        {
            _diagnostics.Report(descriptor, span, args);
        }

        return new SyntaxErrorException();
    }

    /// <summary>
    /// True when the lexer reported an error earlier in the current element (an unterminated string, a
    /// stray character): a parse error there is most likely its consequence, so it is not reported again.
    /// </summary>
    private bool FollowsLexicalError()
    {
        var end = Current.End;
        foreach (var start in _lexicalErrorStarts)
        {
            if (start >= _elementStart && start <= end)
            {
                return true;
            }
        }

        return false;
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] args) => _diagnostics.Report(descriptor, span, args);

    private void ReportSyntaxError(TextSpan span, string message) => _diagnostics.Report(DiagnosticDescriptors.SyntaxError, span, message);

    /// <summary>How the current token is shown after "found": its text, or "the end of the app".</summary>
    private string DescribeCurrent() => DescribeToken(Current);

    private string DescribeToken(Token token)
    {
        if (token.Kind == TokenKind.EndOfFile)
        {
            return "the end of the app";
        }

        var text = _text.Substring(token.Start, token.Length);
        if (text.Length > 40)
        {
            text = text.Substring(0, 37) + "...";
        }

        return "'" + text.Replace("\r", " ").Replace("\n", " ") + "'";
    }

    /// <summary>The source text of a span, shortened for messages.</summary>
    private string Excerpt(TextSpan span)
    {
        var end = span.End > _text.Length ? _text.Length : span.End;
        var text = end <= span.Start ? string.Empty : _text.Substring(span.Start, end - span.Start);
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    /// <summary>Guards recursion: deeper than <see cref="MaxDepth"/> reports SIDDHI016 and aborts the element.</summary>
    private void EnterNesting(string what)
    {
        if (++_depth > MaxDepth)
        {
            _depth = 0;
            throw Error(DiagnosticDescriptors.NestingTooDeep, Current.Span, what, MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private void ExitNesting() => _depth--;

    private static string Quote(IdentifierSyntax name) => "'" + name.Text + "'";

    /// <summary>Thrown after an error was reported, to abandon the current element; never leaves the parser.</summary>
    private sealed class SyntaxErrorException : Exception
    {
    }
}
