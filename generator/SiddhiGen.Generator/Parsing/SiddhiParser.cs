using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// Entry points of the SiddhiQL parser. They never throw (except <see cref="OperationCanceledException"/>):
/// malformed input gives a tree plus SIDDHI010–SIDDHI029 diagnostics with exact locations.
/// </summary>
public static class SiddhiParser
{
    /// <summary>The message prefix of the diagnostic reported if the parser itself fails (a bug, never expected).</summary>
    public const string InternalErrorPrefix = "Internal parser error";

    /// <summary>Parses a whole <c>.siddhi</c> app.</summary>
    public static ParseResult ParseApp(string filePath, string text, CancellationToken ct = default)
    {
        text ??= string.Empty;
        var diagnostics = new SyntaxDiagnosticBag(filePath, text);
        AppSyntax app;
        try
        {
            app = Parser.Create(text, diagnostics, ct).ParseApp();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Report(DiagnosticDescriptors.SyntaxError, new TextSpan(0, 0), InternalErrorPrefix + ": " + ex.GetType().Name + ": " + ex.Message);
            app = new AppSyntax(text, ImmutableArray<AnnotationSyntax>.Empty, ImmutableArray<DefinitionSyntax>.Empty, ImmutableArray<ExecutionElementSyntax>.Empty, new TextSpan(0, text.Length));
        }

        return new ParseResult(app, diagnostics.ToImmutableSorted());
    }

    /// <summary>
    /// Reads a whole string as a time constant, like Siddhi's <c>parseTimeConstantDefinition</c> does for
    /// annotation values (<c>@app:playback(idle.time='100 millisecond', increment='2 sec')</c>).
    /// </summary>
    /// <returns>False for anything but a time constant (empty, '2', '1 sec 1 min', ...).</returns>
    public static bool TryParseTimeConstant(string text, out long milliseconds)
    {
        text ??= string.Empty;
        var diagnostics = new SyntaxDiagnosticBag(string.Empty, text);
        var parser = Parser.Create(text, diagnostics, CancellationToken.None);
        var value = diagnostics.Count == 0 ? parser.ParseWholeTimeConstant() : null;
        milliseconds = value ?? 0;
        return value is not null;
    }

    /// <summary>Parses an on-demand (store) query: find, insert, delete, update or update-or-insert (feature catalog 1.14).</summary>
    public static OnDemandParseResult ParseOnDemandQuery(string filePath, string text, CancellationToken ct = default)
    {
        text ??= string.Empty;
        var diagnostics = new SyntaxDiagnosticBag(filePath, text);
        OnDemandQuerySyntax? query;
        try
        {
            query = Parser.Create(text, diagnostics, ct).ParseOnDemandQuery();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Report(DiagnosticDescriptors.SyntaxError, new TextSpan(0, 0), InternalErrorPrefix + ": " + ex.GetType().Name + ": " + ex.Message);
            query = null;
        }

        return new OnDemandParseResult(query, diagnostics.ToImmutableSorted());
    }
}
