using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// The app level: <c>@app:</c> annotations, then definitions, then queries and partitions, separated by
/// <c>;</c>. Each element is parsed inside its own error boundary.
/// </summary>
internal sealed partial class Parser
{
    internal AppSyntax ParseApp()
    {
        var appAnnotations = ImmutableArray.CreateBuilder<AnnotationSyntax>();
        var definitions = ImmutableArray.CreateBuilder<DefinitionSyntax>();
        var elements = ImmutableArray.CreateBuilder<ExecutionElementSyntax>();

        while (!At(TokenKind.EndOfFile))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var startPosition = _position;
            _elementStart = Current.Start;
            try
            {
                var element = ParseAppElement(appAnnotations, definitions.Count == 0 && elements.Count == 0);
                switch (element)
                {
                    case DefinitionSyntax definition:
                        if (elements.Count > 0)
                        {
                            Report(DiagnosticDescriptors.DefinitionAfterQuery, definition.Name.Span, DefinitionKindName(definition), definition.Name.Text);
                        }

                        definitions.Add(definition);
                        ExpectElementEnd("the definition of " + DefinitionKindName(definition) + " " + Quote(definition.Name));
                        break;
                    case QuerySyntax query:
                        elements.Add(query);
                        ExpectElementEnd("the query");
                        break;
                    case PartitionSyntax partition:
                        elements.Add(partition);
                        ExpectElementEnd("the partition");
                        break;
                }
            }
            catch (SyntaxErrorException)
            {
                _depth = 0;
                SynchronizeToElement();
            }

            if (_position == startPosition)
            {
                // Defensive: every iteration must consume something.
                Advance();
            }
        }

        // A definition that failed to parse was already reported: only an app with no 'define' at all gets SIDDHI015.
        if (definitions.Count == 0 && !ContainsDefineKeyword())
        {
            var span = elements.Count > 0 ? new TextSpan(elements[0].Span.Start, 0) : new TextSpan(0, 0);
            Report(DiagnosticDescriptors.AppWithoutDefinition, span);
        }

        return new AppSyntax(_text, appAnnotations.ToImmutable(), definitions.ToImmutable(), elements.ToImmutable(), new TextSpan(0, _text.Length));
    }

    /// <summary>
    /// One element with its annotations; <c>;</c> separators are consumed by the caller. Returns null when
    /// the element was only app annotations or an empty statement.
    /// </summary>
    private SyntaxNode? ParseAppElement(ImmutableArray<AnnotationSyntax>.Builder appAnnotations, bool atAppStart)
    {
        if (At(TokenKind.Semicolon))
        {
            // The grammar allows ';' only between elements (and once at the end): ";;" is an error in Siddhi.
            var semicolon = Advance();
            ReportSyntaxError(semicolon.Span, "Unexpected ';': expected a definition, query or partition");
            return null;
        }

        var annotations = ParseElementAnnotations(appAnnotations, atAppStart);
        switch (CurrentKind)
        {
            case TokenKind.DefineKeyword:
                return ParseDefinition(annotations);
            case TokenKind.FromKeyword:
                return ParseQuery(annotations);
            case TokenKind.PartitionKeyword when Peek(1).Kind == TokenKind.WithKeyword:
                return ParsePartition(annotations);
            case TokenKind.EndOfFile when annotations.IsEmpty:
                return null;
            default:
                throw ErrorExpected("'define', 'from' or 'partition'", annotations.IsEmpty ? "to start a definition, query or partition" : "after the annotations");
        }
    }

    /// <summary>
    /// The annotations before an element. At the start of the app, leading <c>@app:...</c> annotations
    /// belong to the app; anywhere else an <c>@app:</c> annotation is an error.
    /// </summary>
    private ImmutableArray<AnnotationSyntax> ParseElementAnnotations(ImmutableArray<AnnotationSyntax>.Builder appAnnotations, bool atAppStart)
    {
        var annotations = ImmutableArray.CreateBuilder<AnnotationSyntax>();
        while (At(TokenKind.At))
        {
            var annotation = ParseAnnotation(allowNamespace: true);
            if (annotation.IsAppAnnotation)
            {
                if (!atAppStart || annotations.Count > 0)
                {
                    ReportSyntaxError(annotation.Span, "The app annotation '@" + annotation.FullName + "' must come before all definitions and other annotations");
                }

                appAnnotations.Add(annotation);
            }
            else
            {
                if (annotation.Namespace is not null)
                {
                    ReportSyntaxError(annotation.Namespace.Span, "Only app annotations ('@app:...') may have a namespace; found '@" + annotation.FullName + "'");
                }

                annotations.Add(annotation);
            }
        }

        return annotations.ToImmutable();
    }

    /// <summary>After an element: a <c>;</c>, the end of the app, or an error (then resynchronize).</summary>
    private void ExpectElementEnd(string what)
    {
        if (Accept(TokenKind.Semicolon) || At(TokenKind.EndOfFile))
        {
            return;
        }

        if (!FollowsLexicalError())
        {
            ReportSyntaxError(Current.Span, "Expected ';' after " + what + ", found " + DescribeCurrent());
        }

        SynchronizeToElement();
    }

    /// <summary>
    /// Skips to the next <c>;</c> (consumed) or to a token that starts an element (<c>define</c>,
    /// <c>from</c>, <c>partition with</c>, <c>@</c>), which is left for the next element.
    /// </summary>
    private void SynchronizeToElement()
    {
        while (true)
        {
            switch (CurrentKind)
            {
                case TokenKind.EndOfFile:
                case TokenKind.DefineKeyword:
                case TokenKind.FromKeyword:
                case TokenKind.At:
                    return;
                case TokenKind.PartitionKeyword when Peek(1).Kind == TokenKind.WithKeyword:
                    return;
                case TokenKind.Semicolon:
                    Advance();
                    return;
                default:
                    Advance();
                    break;
            }
        }
    }

    private bool ContainsDefineKeyword()
    {
        foreach (var token in _tokens)
        {
            if (token.Kind == TokenKind.DefineKeyword)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>partition with (key of S, ...) begin q1; q2; end</c>.</summary>
    private PartitionSyntax ParsePartition(ImmutableArray<AnnotationSyntax> annotations)
    {
        var start = annotations.IsEmpty ? Current.Start : annotations[0].Span.Start;
        Advance(); // partition
        Advance(); // with
        Expect(TokenKind.OpenParen, "after 'partition with'");
        var keys = ImmutableArray.CreateBuilder<PartitionKeySyntax>();
        do
        {
            keys.Add(ParsePartitionKey());
        }
        while (Accept(TokenKind.Comma));

        Expect(TokenKind.CloseParen, "after the partition keys");
        Expect(TokenKind.BeginKeyword, "after 'partition with (...)'");

        var queries = ImmutableArray.CreateBuilder<QuerySyntax>();
        var diagnosticsBefore = _diagnostics.Count;
        while (!At(TokenKind.EndKeyword) && !At(TokenKind.EndOfFile) && !At(TokenKind.DefineKeyword))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var queryStart = _position;
            _elementStart = Current.Start;
            try
            {
                if (At(TokenKind.Semicolon))
                {
                    ReportSyntaxError(Advance().Span, "Unexpected ';': expected a query or 'end'");
                    continue;
                }

                var queryAnnotations = ParseElementAnnotations(ImmutableArray.CreateBuilder<AnnotationSyntax>(), atAppStart: false);
                if (!At(TokenKind.FromKeyword))
                {
                    throw ErrorExpected("'from' or 'end'", "inside the partition");
                }

                queries.Add(ParseQuery(queryAnnotations));
                if (!Accept(TokenKind.Semicolon) && !At(TokenKind.EndKeyword))
                {
                    throw ErrorExpected("';' or 'end'", "after a query in the partition");
                }
            }
            catch (SyntaxErrorException)
            {
                _depth = 0;
                SynchronizeInPartition();
            }

            if (_position == queryStart)
            {
                Advance();
            }
        }

        if (queries.Count == 0 && At(TokenKind.EndKeyword) && _diagnostics.Count == diagnosticsBefore)
        {
            ReportSyntaxError(Current.Span, "A partition needs at least one query between 'begin' and 'end'");
        }

        Expect(TokenKind.EndKeyword, "to close the partition");
        return new PartitionSyntax(annotations, keys.ToImmutable(), queries.ToImmutable(), SpanFrom(start));
    }

    private void SynchronizeInPartition()
    {
        while (true)
        {
            switch (CurrentKind)
            {
                case TokenKind.EndOfFile:
                case TokenKind.DefineKeyword:
                case TokenKind.FromKeyword:
                case TokenKind.At:
                case TokenKind.EndKeyword:
                    return;
                case TokenKind.Semicolon:
                    Advance();
                    return;
                default:
                    Advance();
                    break;
            }
        }
    }

    /// <summary><c>expr of S</c> or <c>cond as 'label' or cond as 'label' ... of S</c>.</summary>
    private PartitionKeySyntax ParsePartitionKey()
    {
        var start = Current.Start;
        var first = ParseExpression();
        if (!At(TokenKind.AsKeyword))
        {
            Expect(TokenKind.OfKeyword, "after the partition key");
            var stream = ExpectName("a stream name", "after 'of' in the partition key");
            return new ValuePartitionKeySyntax(first, stream, SpanFrom(start));
        }

        var ranges = ImmutableArray.CreateBuilder<RangePartitionConditionSyntax>();
        var condition = first;
        var conditionStart = start;
        while (true)
        {
            Expect(TokenKind.AsKeyword, "after a range partition condition");
            var label = ExpectStringValue("a string label", "after 'as' in the range partition");
            ranges.Add(new RangePartitionConditionSyntax(condition, label, SpanFrom(conditionStart)));
            if (!Accept(TokenKind.OrKeyword))
            {
                break;
            }

            conditionStart = Current.Start;
            condition = ParseExpression();
        }

        Expect(TokenKind.OfKeyword, "after the range partition conditions");
        var rangeStream = ExpectName("a stream name", "after 'of' in the range partition");
        return new RangePartitionKeySyntax(ranges.ToImmutable(), rangeStream, SpanFrom(start));
    }

    private static string DefinitionKindName(DefinitionSyntax definition) => definition switch
    {
        StreamDefinitionSyntax => "stream",
        TableDefinitionSyntax => "table",
        WindowDefinitionSyntax => "window",
        TriggerDefinitionSyntax => "trigger",
        FunctionDefinitionSyntax => "function",
        _ => "aggregation",
    };
}
