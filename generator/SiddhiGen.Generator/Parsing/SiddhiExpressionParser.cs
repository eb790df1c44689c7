using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// Parses a standalone SiddhiQL expression, like Siddhi's <c>SiddhiCompiler.parseExpression</c>: the text of an
/// <c>expression('...')</c> or <c>expressionBatch('...')</c> window parameter. Same lexer, same grammar, same
/// messages as the app parser; it never throws (except <see cref="OperationCanceledException"/>).
/// </summary>
/// <remarks>
/// Kept in its own file so the app parser's files stay untouched; it could become <c>SiddhiParser.ParseExpression</c>.
/// </remarks>
public static class SiddhiExpressionParser
{
    /// <summary>Parses <paramref name="text"/>, which must hold exactly one expression and nothing after it.</summary>
    /// <returns>The expression, or null with SIDDHI010–SIDDHI029 diagnostics (spans relative to <paramref name="text"/>).</returns>
    public static ExpressionParseResult Parse(string filePath, string text, CancellationToken ct = default)
    {
        text ??= string.Empty;
        var diagnostics = new SyntaxDiagnosticBag(filePath, text);
        ExpressionSyntax? expression;
        try
        {
            var parser = Parser.Create(text, diagnostics, ct);
            expression = parser.ParseStandaloneExpression();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Report(DiagnosticDescriptors.SyntaxError, new TextSpan(0, 0), SiddhiParser.InternalErrorPrefix + ": " + ex.GetType().Name + ": " + ex.Message);
            expression = null;
        }

        var sorted = diagnostics.ToImmutableSorted();
        return new ExpressionParseResult(sorted.IsEmpty ? expression : null, sorted);
    }
}

/// <summary>What <see cref="SiddhiExpressionParser.Parse"/> produced.</summary>
public sealed class ExpressionParseResult
{
    public ExpressionParseResult(ExpressionSyntax? expression, ImmutableArray<DiagnosticInfo> diagnostics)
    {
        Expression = expression;
        Diagnostics = diagnostics;
    }

    /// <summary>The expression, or null when the text is not exactly one well-formed expression.</summary>
    public ExpressionSyntax? Expression { get; }

    /// <summary>Syntax errors (SIDDHI010–SIDDHI029), in source order.</summary>
    public ImmutableArray<DiagnosticInfo> Diagnostics { get; }

    public bool HasErrors => !Diagnostics.IsEmpty;
}

/// <summary>The standalone-expression entry of the parser.</summary>
internal sealed partial class Parser
{
    /// <summary>One expression, then the end of the text; null after a reported error.</summary>
    internal ExpressionSyntax? ParseStandaloneExpression()
    {
        try
        {
            if (At(TokenKind.EndOfFile))
            {
                throw ErrorExpected("an expression", "here");
            }

            var expression = ParseExpression();
            if (!At(TokenKind.EndOfFile))
            {
                throw ErrorExpected("the end of the expression", "after '" + Excerpt(expression.Span) + "'");
            }

            return expression;
        }
        catch (SyntaxErrorException)
        {
            return null;
        }
    }
}
