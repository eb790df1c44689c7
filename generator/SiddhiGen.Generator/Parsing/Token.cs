using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// One token. <see cref="Value"/> holds the text a parser needs: the name of an identifier or keyword as
/// written, a number as written, a string or backtick identifier without its quotes, a script body
/// without its braces, a placeholder's variable name; null for punctuation and end of file.
/// </summary>
public readonly struct Token
{
    public Token(TokenKind kind, int start, int length, string? value)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Value = value;
    }

    public TokenKind Kind { get; }

    public int Start { get; }

    public int Length { get; }

    public string? Value { get; }

    public int End => Start + Length;

    public TextSpan Span => new(Start, Length);

    public override string ToString() => Kind + (Value is null ? string.Empty : " '" + Value + "'");
}
