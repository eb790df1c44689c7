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
