using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Tests.Parsing;

public sealed class LexerTests
{
    private static Token[] Tokens(string text)
    {
        var result = Lexer.Lex("test.siddhi", text);
        Assert.That(result.Diagnostics, Is.Empty, string.Join(" | ", result.Diagnostics));
        Assert.That(result.Tokens[^1].Kind, Is.EqualTo(TokenKind.EndOfFile));
        return result.Tokens.Take(result.Tokens.Length - 1).ToArray();
    }

    private static TokenKind[] Kinds(string text) => Tokens(text).Select(t => t.Kind).ToArray();

    [Test]
    public void Keywords_are_case_insensitive_whole_words()
    {
        Assert.That(Kinds("SELECT Select select selection _select"), Is.EqualTo(new[]
        {
            TokenKind.SelectKeyword, TokenKind.SelectKeyword, TokenKind.SelectKeyword, TokenKind.Identifier, TokenKind.Identifier,
        }));
        Assert.That(Tokens("Select")[0].Value, Is.EqualTo("Select"), "keywords keep their spelling for use as names");
    }

    [TestCase("year years YEAR", TokenKind.YearsKeyword)]
    [TestCase("month months", TokenKind.MonthsKeyword)]
    [TestCase("week weeks", TokenKind.WeeksKeyword)]
    [TestCase("day days", TokenKind.DaysKeyword)]
    [TestCase("hour hours Hours", TokenKind.HoursKeyword)]
    [TestCase("min minute minutes MIN", TokenKind.MinutesKeyword)]
    [TestCase("sec second seconds SEC", TokenKind.SecondsKeyword)]
    [TestCase("millisec millisecond milliseconds", TokenKind.MillisecondsKeyword)]
    public void Time_unit_spellings(string text, TokenKind kind)
    {
        Assert.That(Kinds(text), Is.All.EqualTo(kind));
    }

    [Test]
    public void Mins_and_secs_are_identifiers()
    {
        Assert.That(Kinds("mins secs millis"), Is.All.EqualTo(TokenKind.Identifier));
    }

    [TestCase("123", TokenKind.IntLiteral, "123")]
    [TestCase("123L", TokenKind.LongLiteral, "123L")]
    [TestCase("123l", TokenKind.LongLiteral, "123l")]
    [TestCase("1.5f", TokenKind.FloatLiteral, "1.5f")]
    [TestCase("1F", TokenKind.FloatLiteral, "1F")]
    [TestCase(".5f", TokenKind.FloatLiteral, ".5f")]
    [TestCase("1e3f", TokenKind.FloatLiteral, "1e3f")]
    [TestCase("1.5", TokenKind.DoubleLiteral, "1.5")]
    [TestCase(".5", TokenKind.DoubleLiteral, ".5")]
    [TestCase("1e3", TokenKind.DoubleLiteral, "1e3")]
    [TestCase("1E-3", TokenKind.DoubleLiteral, "1E-3")]
    [TestCase("1D", TokenKind.DoubleLiteral, "1D")]
    [TestCase("1.5d", TokenKind.DoubleLiteral, "1.5d")]
    [TestCase("12.e2", TokenKind.DoubleLiteral, "12.e2")]
    public void Number_literals(string text, TokenKind kind, string value)
    {
        var tokens = Tokens(text);
        Assert.That(tokens, Has.Length.EqualTo(1));
        Assert.That(tokens[0].Kind, Is.EqualTo(kind));
        Assert.That(tokens[0].Value, Is.EqualTo(value));
    }

    [Test]
    public void A_dot_without_digits_is_not_part_of_the_number()
    {
        Assert.That(Kinds("12."), Is.EqualTo(new[] { TokenKind.IntLiteral, TokenKind.Dot }));
        Assert.That(Kinds("sec ... year"), Is.EqualTo(new[] { TokenKind.SecondsKeyword, TokenKind.TripleDot, TokenKind.YearsKeyword }));
        Assert.That(Kinds("1 e"), Is.EqualTo(new[] { TokenKind.IntLiteral, TokenKind.Identifier }));
    }

    [Test]
    public void Strings_have_no_escapes_and_keep_other_quotes()
    {
        var tokens = Tokens("'a\\nb' \"it's\" \"\"\"line1\nsays \"hi\" \"\"\" ''");
        Assert.That(tokens.Select(t => t.Kind), Is.All.EqualTo(TokenKind.StringLiteral));
        Assert.That(tokens.Select(t => t.Value), Is.EqualTo(new[] { "a\\nb", "it's", "line1\nsays \"hi\" ", string.Empty }));
    }

    [Test]
    public void Backtick_identifiers_strip_the_backticks()
    {
        var token = Tokens("`my stream`")[0];
        Assert.That(token.Kind, Is.EqualTo(TokenKind.QuotedIdentifier));
        Assert.That(token.Value, Is.EqualTo("my stream"));
        Assert.That(token.Span.Length, Is.EqualTo(11));
    }

    [Test]
    public void Comments_and_whitespace_are_skipped()
    {
        Assert.That(Kinds("a -- line comment\n b /* block\n comment */ c\t\r\n/* unterminated"), Is.EqualTo(new[] { TokenKind.Identifier, TokenKind.Identifier, TokenKind.Identifier }));
    }

    [Test]
    public void Operators_take_the_longest_match()
    {
        Assert.That(Kinds("-> - > == = != ! <= < >= > # @ : ; . , * + ? / % ( ) [ ]"), Is.EqualTo(new[]
        {
            TokenKind.Arrow, TokenKind.Minus, TokenKind.GreaterThan, TokenKind.EqualEqual, TokenKind.Assign, TokenKind.NotEqual,
            TokenKind.Exclamation, TokenKind.LessThanOrEqual, TokenKind.LessThan, TokenKind.GreaterThanOrEqual, TokenKind.GreaterThan,
            TokenKind.Hash, TokenKind.At, TokenKind.Colon, TokenKind.Semicolon, TokenKind.Dot, TokenKind.Comma, TokenKind.Star,
            TokenKind.Plus, TokenKind.Question, TokenKind.Slash, TokenKind.Percent, TokenKind.OpenParen, TokenKind.CloseParen,
            TokenKind.OpenBracket, TokenKind.CloseBracket,
        }));
    }

    [Test]
    public void Placeholders_and_scripts_are_single_tokens()
    {
        var tokens = Tokens("${PORT} { var s = \"}\"; // }\n return s; }");
        Assert.That(tokens.Select(t => t.Kind), Is.EqualTo(new[] { TokenKind.Placeholder, TokenKind.Script }));
        Assert.That(tokens[0].Value, Is.EqualTo("PORT"));
        Assert.That(tokens[1].Value, Is.EqualTo(" var s = \"}\"; // }\n return s; "));
    }

    [Test]
    public void Token_spans_point_into_the_text()
    {
        var tokens = Tokens("from  S[a>1]");
        Assert.That(tokens.Select(t => (t.Start, t.Length)), Is.EqualTo(new[] { (0, 4), (6, 1), (7, 1), (8, 1), (9, 1), (10, 1), (11, 1) }));
    }

    [Test]
    public void Unexpected_characters_are_reported_once_per_run()
    {
        var result = Lexer.Lex("f.siddhi", "a $$ b\n  § c");
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location!.Line, d.Location.Column)), Is.EqualTo(new[] { ("SIDDHI012", 1, 3), ("SIDDHI012", 2, 3) }));
        Assert.That(result.Diagnostics[0].Message, Is.EqualTo("Unexpected character '$$'"));
        Assert.That(result.Tokens.Count(t => t.Kind == TokenKind.Identifier), Is.EqualTo(3));
    }

    [Test]
    public void Unterminated_and_invalid_strings_are_reported()
    {
        var result = Lexer.Lex("f.siddhi", "x 'abc\ny 'say \"hi\"' `id");
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location!.Line, d.Location.Column)), Is.EqualTo(new[]
        {
            ("SIDDHI013", 1, 3), ("SIDDHI010", 2, 8), ("SIDDHI010", 2, 11), ("SIDDHI013", 2, 14),
        }));
    }
}
