using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>Numbers, strings, backtick identifiers, script bodies and <c>${...}</c> placeholders.</summary>
public sealed partial class Lexer
{
    /// <summary>
    /// INT <c>12</c>, LONG <c>12L</c>, FLOAT <c>1.5f</c>/<c>1f</c>/<c>.5e3F</c>, DOUBLE <c>1.5</c>/<c>.5</c>/<c>1e3</c>/<c>1d</c>.
    /// As in ANTLR, <c>12.</c> with nothing after the dot is the INT <c>12</c> followed by '.'.
    /// </summary>
    private void LexNumber()
    {
        var start = _position;
        var p = start;
        while (IsDigit(CharAt(p)))
        {
            p++;
        }

        var integerEnd = p;
        var hasDot = false;
        var fractionDigits = 0;
        if (CharAt(p) == '.' && !(CharAt(p + 1) == '.' && CharAt(p + 2) == '.'))
        {
            hasDot = true;
            p++;
            while (IsDigit(CharAt(p)))
            {
                p++;
                fractionDigits++;
            }
        }

        var hasExponent = false;
        if (CharAt(p) == 'e' || CharAt(p) == 'E')
        {
            var q = p + 1;
            if (CharAt(q) == '+' || CharAt(q) == '-')
            {
                q++;
            }

            if (IsDigit(CharAt(q)))
            {
                while (IsDigit(CharAt(q)))
                {
                    q++;
                }

                hasExponent = true;
                p = q;
            }
        }

        var suffix = char.ToUpperInvariant(CharAt(p));
        TokenKind kind;
        if (!hasDot && !hasExponent)
        {
            (kind, p) = suffix switch
            {
                'L' => (TokenKind.LongLiteral, p + 1),
                'F' => (TokenKind.FloatLiteral, p + 1),
                'D' => (TokenKind.DoubleLiteral, p + 1),
                _ => (TokenKind.IntLiteral, p),
            };
        }
        else if (suffix == 'F' || suffix == 'D')
        {
            (kind, p) = (suffix == 'F' ? TokenKind.FloatLiteral : TokenKind.DoubleLiteral, p + 1);
        }
        else if (hasDot && fractionDigits == 0 && !hasExponent)
        {
            // "12." is not a literal: back off to the INT before the dot.
            (kind, p) = (TokenKind.IntLiteral, integerEnd);
        }
        else
        {
            kind = TokenKind.DoubleLiteral;
        }

        _position = p;
        Add(kind, start, _text.Substring(start, p - start));
    }

    /// <summary>
    /// <c>'...'</c> (no <c>'</c>, <c>"</c> or control characters), <c>"..."</c> (no <c>"</c> or control
    /// characters), <c>"""..."""</c> (anything, up to the next <c>"""</c>). No escape sequences.
    /// </summary>
    private void LexString()
    {
        var start = _position;
        var quote = _text[start];
        if (quote == '"' && CharAt(start + 1) == '"' && CharAt(start + 2) == '"')
        {
            LexTripleQuotedString(start);
            return;
        }

        var p = start + 1;
        while (p < _text.Length && _text[p] != quote && _text[p] != '\n' && _text[p] != '\r')
        {
            var c = _text[p];
            if (c < ' ')
            {
                _diagnostics.Report(DiagnosticDescriptors.SyntaxError, new TextSpan(p, 1), "A string literal cannot contain a control character (tab or other character below U+0020)");
            }
            else if (quote == '\'' && c == '"')
            {
                _diagnostics.Report(DiagnosticDescriptors.SyntaxError, new TextSpan(p, 1), "A single-quoted string cannot contain '\"'; write the string in double quotes");
            }

            p++;
        }

        if (p >= _text.Length || _text[p] != quote)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnterminatedLiteral, new TextSpan(start, 1), "string literal", quote == '\'' ? "' on the same line" : "\" on the same line");
            _position = p;
            Add(TokenKind.StringLiteral, start, _text.Substring(start + 1, p - start - 1));
            return;
        }

        _position = p + 1;
        Add(TokenKind.StringLiteral, start, _text.Substring(start + 1, p - start - 1));
    }

    private void LexTripleQuotedString(int start)
    {
        var end = _text.IndexOf("\"\"\"", start + 3, System.StringComparison.Ordinal);
        if (end < 0)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnterminatedLiteral, new TextSpan(start, 3), "string literal", "\"\"\"");
            _position = _text.Length;
            Add(TokenKind.StringLiteral, start, _text.Substring(start + 3));
            return;
        }

        _position = end + 3;
        Add(TokenKind.StringLiteral, start, _text.Substring(start + 3, end - start - 3));
    }

    /// <summary><c>`any text`</c>: the backticks are stripped.</summary>
    private void LexQuotedIdentifier()
    {
        var start = _position;
        var end = _text.IndexOf('`', start + 1);
        if (end < 0)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnterminatedLiteral, new TextSpan(start, 1), "quoted identifier", "`");
            _position = _text.Length;
            Add(TokenKind.QuotedIdentifier, start, _text.Substring(start + 1));
            return;
        }

        _position = end + 1;
        Add(TokenKind.QuotedIdentifier, start, _text.Substring(start + 1, end - start - 1));
    }

    /// <summary>
    /// A script body <c>{ ... }</c> with balanced braces; braces inside <c>"..."</c> strings and <c>//</c>
    /// comments do not count (ANTLR's SCRIPT rule).
    /// </summary>
    private void LexScript()
    {
        var start = _position;
        var depth = 0;
        var p = start;
        while (p < _text.Length)
        {
            var c = _text[p];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
                if (depth == 0)
                {
                    _position = p + 1;
                    Add(TokenKind.Script, start, _text.Substring(start + 1, p - start - 1));
                    return;
                }
            }
            else if (c == '"')
            {
                var close = _text.IndexOf('"', p + 1);
                p = close < 0 ? _text.Length : close;
            }
            else if (c == '/' && CharAt(p + 1) == '/')
            {
                while (p < _text.Length && _text[p] != '\n' && _text[p] != '\r')
                {
                    p++;
                }

                continue;
            }

            p++;
        }

        _diagnostics.Report(DiagnosticDescriptors.UnterminatedLiteral, new TextSpan(start, 1), "script body", "}");
        _position = _text.Length;
        Add(TokenKind.Script, start, _text.Substring(start + 1));
    }

    /// <summary><c>${NAME}</c>, kept for the binder to substitute (Siddhi replaces it before parsing).</summary>
    private void LexPlaceholder()
    {
        var start = _position;
        var p = start + 2;
        while (p < _text.Length && _text[p] != '}' && _text[p] != '\n' && _text[p] != '\r')
        {
            p++;
        }

        if (p >= _text.Length || _text[p] != '}')
        {
            _diagnostics.Report(DiagnosticDescriptors.UnterminatedLiteral, new TextSpan(start, 2), "${...} placeholder", "}");
            _position = p;
            Add(TokenKind.Placeholder, start, _text.Substring(start + 2, p - start - 2));
            return;
        }

        _position = p + 1;
        Add(TokenKind.Placeholder, start, _text.Substring(start + 2, p - start - 2));
    }
}
