using System;
using System.Collections.Generic;

namespace SiddhiGen.Generator.Parsing;

/// <summary>Keyword spellings and token classifications shared by the lexer and the parser.</summary>
public static class TokenFacts
{
    private static readonly Dictionary<string, TokenKind> KeywordsByText = CreateKeywordTable();

    /// <summary>The keyword a word spells (case-insensitive), or null for a plain identifier.</summary>
    public static TokenKind? GetKeyword(string word) => KeywordsByText.TryGetValue(word, out var kind) ? kind : null;

    public static bool IsKeyword(TokenKind kind) => kind >= TokenKind.AppKeyword && kind <= TokenKind.PerKeyword;

    /// <summary>SiddhiQL's <c>name</c> rule: an identifier, a backtick identifier or any keyword.</summary>
    public static bool IsName(TokenKind kind) => kind == TokenKind.Identifier || kind == TokenKind.QuotedIdentifier || IsKeyword(kind);

    public static bool IsNumber(TokenKind kind) =>
        kind == TokenKind.IntLiteral || kind == TokenKind.LongLiteral || kind == TokenKind.FloatLiteral || kind == TokenKind.DoubleLiteral;

    /// <summary>The time unit a unit keyword (<c>sec</c>, <c>minutes</c>, <c>year</c>, ...) stands for, or null.</summary>
    public static TimeUnit? GetTimeUnit(TokenKind kind) => kind switch
    {
        TokenKind.MillisecondsKeyword => TimeUnit.Millisecond,
        TokenKind.SecondsKeyword => TimeUnit.Second,
        TokenKind.MinutesKeyword => TimeUnit.Minute,
        TokenKind.HoursKeyword => TimeUnit.Hour,
        TokenKind.DaysKeyword => TimeUnit.Day,
        TokenKind.WeeksKeyword => TimeUnit.Week,
        TokenKind.MonthsKeyword => TimeUnit.Month,
        TokenKind.YearsKeyword => TimeUnit.Year,
        _ => null,
    };

    /// <summary>Milliseconds in one unit (month = 30 days, year = 365 days, as Siddhi counts).</summary>
    public static long GetMilliseconds(TimeUnit unit) => unit switch
    {
        TimeUnit.Millisecond => 1L,
        TimeUnit.Second => 1000L,
        TimeUnit.Minute => 60_000L,
        TimeUnit.Hour => 3_600_000L,
        TimeUnit.Day => 86_400_000L,
        TimeUnit.Week => 7 * 86_400_000L,
        TimeUnit.Month => 30 * 86_400_000L,
        _ => 365 * 86_400_000L,
    };

    /// <summary>How a token kind is shown in "Expected ..." messages.</summary>
    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.EndOfFile => "the end of the app",
        TokenKind.Identifier or TokenKind.QuotedIdentifier => "a name",
        TokenKind.IntLiteral => "an integer",
        TokenKind.LongLiteral => "a long literal",
        TokenKind.FloatLiteral => "a float literal",
        TokenKind.DoubleLiteral => "a double literal",
        TokenKind.StringLiteral => "a string",
        TokenKind.Script => "a script body",
        TokenKind.Placeholder => "a ${...} placeholder",
        TokenKind.Colon => "':'",
        TokenKind.Semicolon => "';'",
        TokenKind.Dot => "'.'",
        TokenKind.TripleDot => "'...'",
        TokenKind.OpenParen => "'('",
        TokenKind.CloseParen => "')'",
        TokenKind.OpenBracket => "'['",
        TokenKind.CloseBracket => "']'",
        TokenKind.Comma => "','",
        TokenKind.Assign => "'='",
        TokenKind.Star => "'*'",
        TokenKind.Plus => "'+'",
        TokenKind.Question => "'?'",
        TokenKind.Minus => "'-'",
        TokenKind.Slash => "'/'",
        TokenKind.Percent => "'%'",
        TokenKind.LessThan => "'<'",
        TokenKind.LessThanOrEqual => "'<='",
        TokenKind.GreaterThan => "'>'",
        TokenKind.GreaterThanOrEqual => "'>='",
        TokenKind.EqualEqual => "'=='",
        TokenKind.NotEqual => "'!='",
        TokenKind.At => "'@'",
        TokenKind.Arrow => "'->'",
        TokenKind.Hash => "'#'",
        TokenKind.Exclamation => "'!'",
        _ => "'" + KeywordText(kind) + "'",
    };

    private static string KeywordText(TokenKind kind)
    {
        var name = kind.ToString();
        return name.EndsWith("Keyword", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Keyword".Length).ToLowerInvariant() : name;
    }

    private static Dictionary<string, TokenKind> CreateKeywordTable()
    {
        var table = new Dictionary<string, TokenKind>(StringComparer.OrdinalIgnoreCase);
        for (var kind = TokenKind.AppKeyword; kind <= TokenKind.PerKeyword; kind++)
        {
            table[KeywordText(kind)] = kind;
        }

        // Unit keywords: the enum name is the plural; the grammar also takes these spellings.
        table["year"] = TokenKind.YearsKeyword;
        table["month"] = TokenKind.MonthsKeyword;
        table["week"] = TokenKind.WeeksKeyword;
        table["day"] = TokenKind.DaysKeyword;
        table["hour"] = TokenKind.HoursKeyword;
        table["min"] = TokenKind.MinutesKeyword;
        table["minute"] = TokenKind.MinutesKeyword;
        table["sec"] = TokenKind.SecondsKeyword;
        table["second"] = TokenKind.SecondsKeyword;
        table["millisec"] = TokenKind.MillisecondsKeyword;
        table["millisecond"] = TokenKind.MillisecondsKeyword;
        return table;
    }
}
