using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// Turns SiddhiQL text into tokens, following the ANTLR lexer of Siddhi 5.1 (longest match; keywords are
/// case-insensitive whole words; comments and whitespace are dropped). Bad characters are reported and
/// skipped, so the parser only sees well-formed tokens.
/// </summary>
public sealed partial class Lexer
{
    private readonly string _text;
    private readonly SyntaxDiagnosticBag _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly ImmutableArray<Token>.Builder _tokens = ImmutableArray.CreateBuilder<Token>();
    private int _position;

    private Lexer(string text, SyntaxDiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        _text = text;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Tokenizes <paramref name="text"/>; diagnostics point into <paramref name="filePath"/>.</summary>
    public static LexResult Lex(string filePath, string text, CancellationToken cancellationToken = default)
    {
        text ??= string.Empty;
        var diagnostics = new SyntaxDiagnosticBag(filePath, text);
        var tokens = Lex(text, diagnostics, cancellationToken);
        return new LexResult(tokens, diagnostics.ToImmutableSorted());
    }

    internal static ImmutableArray<Token> Lex(string text, SyntaxDiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var lexer = new Lexer(text, diagnostics, cancellationToken);
        lexer.Run();
        return lexer._tokens.ToImmutable();
    }

    private char CharAt(int index) => index < _text.Length ? _text[index] : '\0';

    private void Run()
    {
        while (_position < _text.Length)
        {
            if ((_tokens.Count & 1023) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            var c = _text[_position];
            if (IsWhitespace(c))
            {
                _position++;
                continue;
            }

            if (c == '-' && CharAt(_position + 1) == '-')
            {
                SkipLineComment();
                continue;
            }

            if (c == '/' && CharAt(_position + 1) == '*')
            {
                SkipBlockComment();
                continue;
            }

            LexToken(c);
        }

        _tokens.Add(new Token(TokenKind.EndOfFile, _text.Length, 0, null));
    }

    private void LexToken(char c)
    {
        if (IsIdentifierStart(c))
        {
            LexWord();
        }
        else if (IsDigit(c) || (c == '.' && IsDigit(CharAt(_position + 1))))
        {
            LexNumber();
        }
        else if (c == '\'' || c == '"')
        {
            LexString();
        }
        else if (c == '`')
        {
            LexQuotedIdentifier();
        }
        else if (c == '{')
        {
            LexScript();
        }
        else if (c == '$' && CharAt(_position + 1) == '{')
        {
            LexPlaceholder();
        }
        else if (!TryLexPunctuation(c))
        {
            LexUnexpectedCharacters();
        }
    }

    private void Add(TokenKind kind, int start, string? value) => _tokens.Add(new Token(kind, start, _position - start, value));

    private void LexWord()
    {
        var start = _position;
        while (_position < _text.Length && IsIdentifierPart(_text[_position]))
        {
            _position++;
        }

        var word = _text.Substring(start, _position - start);
        Add(TokenFacts.GetKeyword(word) ?? TokenKind.Identifier, start, word);
    }

    private void SkipLineComment()
    {
        while (_position < _text.Length && _text[_position] != '\n' && _text[_position] != '\r')
        {
            _position++;
        }
    }

    private void SkipBlockComment()
    {
        // ANTLR's rule is '/*' .*? ('*/' | EOF): an unterminated comment runs to the end silently.
        var end = _text.IndexOf("*/", _position + 2, System.StringComparison.Ordinal);
        _position = end < 0 ? _text.Length : end + 2;
    }

    private bool TryLexPunctuation(char c)
    {
        var start = _position;
        var next = CharAt(_position + 1);
        TokenKind kind;
        var length = 1;
        switch (c)
        {
            case ':': kind = TokenKind.Colon; break;
            case ';': kind = TokenKind.Semicolon; break;
            case '.':
                if (next == '.' && CharAt(_position + 2) == '.')
                {
                    kind = TokenKind.TripleDot;
                    length = 3;
                }
                else
                {
                    kind = TokenKind.Dot;
                }

                break;
            case '(': kind = TokenKind.OpenParen; break;
            case ')': kind = TokenKind.CloseParen; break;
            case '[': kind = TokenKind.OpenBracket; break;
            case ']': kind = TokenKind.CloseBracket; break;
            case ',': kind = TokenKind.Comma; break;
            case '*': kind = TokenKind.Star; break;
            case '+': kind = TokenKind.Plus; break;
            case '?': kind = TokenKind.Question; break;
            case '/': kind = TokenKind.Slash; break;
            case '%': kind = TokenKind.Percent; break;
            case '@': kind = TokenKind.At; break;
            case '#': kind = TokenKind.Hash; break;
            case '-':
                (kind, length) = next == '>' ? (TokenKind.Arrow, 2) : (TokenKind.Minus, 1);
                break;
            case '=':
                (kind, length) = next == '=' ? (TokenKind.EqualEqual, 2) : (TokenKind.Assign, 1);
                break;
            case '!':
                (kind, length) = next == '=' ? (TokenKind.NotEqual, 2) : (TokenKind.Exclamation, 1);
                break;
            case '<':
                (kind, length) = next == '=' ? (TokenKind.LessThanOrEqual, 2) : (TokenKind.LessThan, 1);
                break;
            case '>':
                (kind, length) = next == '=' ? (TokenKind.GreaterThanOrEqual, 2) : (TokenKind.GreaterThan, 1);
                break;
            default:
                return false;
        }

        _position += length;
        Add(kind, start, null);
        return true;
    }

    /// <summary>Reports a run of characters no token can start with as one error, and skips it.</summary>
    private void LexUnexpectedCharacters()
    {
        var start = _position;
        _position++;
        while (_position < _text.Length && IsUnexpected(_position))
        {
            _position++;
        }

        var run = _text.Substring(start, _position - start);
        _diagnostics.Report(DiagnosticDescriptors.UnexpectedCharacter, TextSpan.FromBounds(start, _position), Printable(run));
    }

    /// <summary>Is the character at <paramref name="index"/> one no token can start with ('$' only starts "${")?</summary>
    private bool IsUnexpected(int index)
    {
        var c = _text[index];
        return c == '$'
            ? CharAt(index + 1) != '{'
            : !IsWhitespace(c) && !IsIdentifierStart(c) && !IsDigit(c) && "'\"`{:;.()[],*+?/%@#-=!<>".IndexOf(c) < 0;
    }

    private static string Printable(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in text.Length > 20 ? text.Substring(0, 20) + "..." : text)
        {
            builder.Append(c < ' ' || c == '\u007f' ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }

        return builder.ToString();
    }

    // ANTLR's SPACES rule: space, \u000B, tab, CR, LF (form feed too, harmlessly).
    private static bool IsWhitespace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u000B' || c == '\f' || c == '\uFEFF';

    private static bool IsIdentifierStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
