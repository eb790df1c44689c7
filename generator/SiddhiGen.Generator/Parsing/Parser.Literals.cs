using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>Numeric literals (with Java's ranges) and time constants.</summary>
internal sealed partial class Parser
{
    /// <summary>
    /// An INT/LONG/FLOAT/DOUBLE literal, optionally negated by a sign already consumed at <paramref name="start"/>.
    /// An out-of-range int or long (Java's <c>Integer.parseInt</c>/<c>Long.parseLong</c> fail) is SIDDHI011.
    /// </summary>
    private LiteralExpressionSyntax ParseNumberLiteral(bool negative, int start)
    {
        var token = Advance();
        var raw = token.Value ?? string.Empty;
        var span = TextSpan.FromBounds(start, token.End);
        var text = _text.Substring(start, token.End - start);
        var sign = negative ? "-" : string.Empty;
        switch (token.Kind)
        {
            case TokenKind.IntLiteral:
                if (!int.TryParse(sign + raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var intValue))
                {
                    Report(DiagnosticDescriptors.IntegerLiteralOutOfRange, span, text);
                }

                return new LiteralExpressionSyntax(LiteralKind.Int, intValue, text, span);
            case TokenKind.LongLiteral:
                if (!long.TryParse(sign + raw.Substring(0, raw.Length - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var longValue))
                {
                    Report(DiagnosticDescriptors.IntegerLiteralOutOfRange, span, text);
                }

                return new LiteralExpressionSyntax(LiteralKind.Long, longValue, text, span);
            case TokenKind.FloatLiteral:
                return new LiteralExpressionSyntax(LiteralKind.Float, ParseFloat(sign + StripSuffix(raw)), text, span);
            default:
                return new LiteralExpressionSyntax(LiteralKind.Double, ParseDouble(sign + StripSuffix(raw)), text, span);
        }
    }

    private static string StripSuffix(string raw)
    {
        var last = raw.Length == 0 ? '\0' : char.ToUpperInvariant(raw[raw.Length - 1]);
        return last == 'F' || last == 'D' ? raw.Substring(0, raw.Length - 1) : raw;
    }

    // Java's parseFloat/parseDouble give +-Infinity on overflow; .NET Framework's TryParse fails instead.
    private static float ParseFloat(string text) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : text.StartsWith("-", System.StringComparison.Ordinal) ? float.NegativeInfinity : float.PositiveInfinity;

    private static double ParseDouble(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : text.StartsWith("-", System.StringComparison.Ordinal) ? double.NegativeInfinity : double.PositiveInfinity;

    /// <summary>An unsigned INT token as an int (SIDDHI011 and 0 when out of range). The caller checked the kind.</summary>
    private int ParseIntValue()
    {
        var token = Advance();
        if (!int.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Report(DiagnosticDescriptors.IntegerLiteralOutOfRange, token.Span, token.Value ?? string.Empty);
        }

        return value;
    }

    /// <summary>
    /// A time constant: one or more <c>INT unit</c> pairs in strictly descending unit order
    /// (<c>1 hour 25 min</c>), as LONG milliseconds.
    /// </summary>
    private TimeConstantExpressionSyntax ParseTimeValue(string context)
    {
        var start = Current.Start;
        if (!At(TokenKind.IntLiteral) || TokenFacts.GetTimeUnit(Peek(1).Kind) is null)
        {
            throw ErrorExpected("a time value such as '1 sec' or '1 hour 25 min'", context);
        }

        var parts = ImmutableArray.CreateBuilder<TimePartSyntax>();
        long total = 0;
        TimeUnit? previous = null;
        while (At(TokenKind.IntLiteral) && TokenFacts.GetTimeUnit(Peek(1).Kind) is { } unit && (previous is null || unit < previous))
        {
            var partStart = Current.Start;
            var value = ParseIntValue();
            Advance(); // unit
            total = unchecked(total + (value * TokenFacts.GetMilliseconds(unit)));
            parts.Add(new TimePartSyntax(value, unit, SpanFrom(partStart)));
            previous = unit;
        }

        ThrowIfTimeUnitsOutOfOrder();
        return new TimeConstantExpressionSyntax(total, parts.ToImmutable(), SpanFrom(start));
    }

    /// <summary>The whole text as one time constant (Siddhi's <c>parseTimeConstantDefinition</c>), or null.</summary>
    internal long? ParseWholeTimeConstant()
    {
        try
        {
            var errorsBefore = _diagnostics.Count;
            var time = ParseTimeValue("as the time constant");
            return At(TokenKind.EndOfFile) && _diagnostics.Count == errorsBefore ? time.Milliseconds : null;
        }
        catch (SyntaxErrorException)
        {
            return null;
        }
    }

    /// <summary>A time part right after a time constant means its units were not in descending order.</summary>
    private void ThrowIfTimeUnitsOutOfOrder()
    {
        if (At(TokenKind.IntLiteral) && TokenFacts.GetTimeUnit(Peek(1).Kind) is not null && Previous.Kind != TokenKind.OpenParen && TokenFacts.GetTimeUnit(Previous.Kind) is not null)
        {
            throw Error(DiagnosticDescriptors.SyntaxError, TextSpan.FromBounds(Current.Start, Peek(1).End), "Time units must be written largest first, each at most once (e.g. '1 hour 25 min')");
        }
    }
}
