using System.Collections.Immutable;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary><c>define stream|table|window|trigger|function|aggregation ...</c>.</summary>
internal sealed partial class Parser
{
    private DefinitionSyntax ParseDefinition(ImmutableArray<AnnotationSyntax> annotations)
    {
        var start = annotations.IsEmpty ? Current.Start : annotations[0].Span.Start;
        Advance(); // define
        switch (CurrentKind)
        {
            case TokenKind.StreamKeyword:
            {
                Advance();
                var name = ParseDefinitionName("stream");
                var attributes = ParseAttributeList("stream " + Quote(name));
                return new StreamDefinitionSyntax(annotations, name, attributes, SpanFrom(start));
            }

            case TokenKind.TableKeyword:
            {
                Advance();
                var name = ParseDefinitionName("table");
                var attributes = ParseAttributeList("table " + Quote(name));
                return new TableDefinitionSyntax(annotations, name, attributes, SpanFrom(start));
            }

            case TokenKind.WindowKeyword:
                return ParseWindowDefinition(annotations, start);
            case TokenKind.TriggerKeyword:
                return ParseTriggerDefinition(annotations, start);
            case TokenKind.FunctionKeyword:
                return ParseFunctionDefinition(annotations, start);
            case TokenKind.AggregationKeyword:
                return ParseAggregationDefinition(annotations, start);
            default:
                throw ErrorExpected("'stream', 'table', 'window', 'trigger', 'function' or 'aggregation'", "after 'define'");
        }
    }

    /// <summary>The id after <c>define stream</c>; the grammar takes <c>#S</c>/<c>!S</c> there, but no definition can be inner or fault.</summary>
    private IdentifierSyntax ParseDefinitionName(string kind)
    {
        if (At(TokenKind.Hash) || At(TokenKind.Exclamation))
        {
            throw Error(DiagnosticDescriptors.SyntaxError, Current.Span, "A " + kind + " name cannot start with " + TokenFacts.Describe(CurrentKind) + " in a definition");
        }

        return ExpectName("a " + kind + " name", "after 'define " + kind + "'");
    }

    /// <summary><c>(a type, b type, ...)</c>: at least one attribute.</summary>
    private ImmutableArray<AttributeDefinitionSyntax> ParseAttributeList(string owner)
    {
        Expect(TokenKind.OpenParen, "to start the attribute list of " + owner);
        var attributes = ImmutableArray.CreateBuilder<AttributeDefinitionSyntax>();
        do
        {
            var start = Current.Start;
            var name = ExpectName("an attribute name", "in the attribute list of " + owner);
            var type = ParseAttributeType("after attribute " + Quote(name) + " of " + owner);
            attributes.Add(new AttributeDefinitionSyntax(name, type, SpanFrom(start)));
        }
        while (Accept(TokenKind.Comma));

        Expect(TokenKind.CloseParen, "after the attribute list of " + owner);
        return attributes.ToImmutable();
    }

    private AttributeTypeSyntax ParseAttributeType(string context)
    {
        SyntaxAttributeType? type = CurrentKind switch
        {
            TokenKind.StringKeyword => SyntaxAttributeType.String,
            TokenKind.IntKeyword => SyntaxAttributeType.Int,
            TokenKind.LongKeyword => SyntaxAttributeType.Long,
            TokenKind.FloatKeyword => SyntaxAttributeType.Float,
            TokenKind.DoubleKeyword => SyntaxAttributeType.Double,
            TokenKind.BoolKeyword => SyntaxAttributeType.Bool,
            TokenKind.ObjectKeyword => SyntaxAttributeType.Object,
            _ => null,
        };
        if (type is null)
        {
            throw ErrorExpected("an attribute type (string, int, long, float, double, bool or object)", context);
        }

        return new AttributeTypeSyntax(type.Value, Advance().Span);
    }

    /// <summary><c>define window W (attrs) fn(args) [output (all|current|expired)? events]</c>.</summary>
    private WindowDefinitionSyntax ParseWindowDefinition(ImmutableArray<AnnotationSyntax> annotations, int start)
    {
        Advance(); // window
        var name = ParseDefinitionName("window");
        var owner = "window " + Quote(name);
        var attributes = ParseAttributeList(owner);
        var function = ParseFunctionOperation("the window function of " + owner);
        OutputEventType? outputType = null;
        if (Accept(TokenKind.OutputKeyword))
        {
            outputType = ParseOptionalEventType();
            if (outputType is null)
            {
                throw ErrorExpected("'all events', 'current events', 'expired events' or 'events'", "after 'output' in " + owner);
            }
        }

        return new WindowDefinitionSyntax(annotations, name, attributes, function, outputType, SpanFrom(start));
    }

    /// <summary><c>define trigger T at 'start' | at every &lt;time&gt; | at '&lt;cron&gt;'</c>.</summary>
    private TriggerDefinitionSyntax ParseTriggerDefinition(ImmutableArray<AnnotationSyntax> annotations, int start)
    {
        ReportAnnotationsNotAllowed(annotations, "trigger");
        Advance(); // trigger
        var name = ExpectName("a trigger name", "after 'define trigger'");
        Expect(TokenKind.AtKeyword, "after the name of trigger " + Quote(name));
        if (Accept(TokenKind.EveryKeyword))
        {
            var every = ParseTimeValue("after 'at every' in trigger " + Quote(name));
            return new TriggerDefinitionSyntax(annotations, name, every, null, SpanFrom(start));
        }

        var at = ExpectStringValue("'start', a cron string or 'every <time>'", "after 'at' in trigger " + Quote(name));
        return new TriggerDefinitionSyntax(annotations, name, null, at, SpanFrom(start));
    }

    /// <summary><c>define function f[lang] return type { body }</c>.</summary>
    private FunctionDefinitionSyntax ParseFunctionDefinition(ImmutableArray<AnnotationSyntax> annotations, int start)
    {
        ReportAnnotationsNotAllowed(annotations, "function");
        Advance(); // function
        var name = ExpectName("a function name", "after 'define function'");
        var owner = "function " + Quote(name);
        Expect(TokenKind.OpenBracket, "before the script language of " + owner);
        var language = ExpectName("a script language name", "in '[...]' of " + owner);
        Expect(TokenKind.CloseBracket, "after the script language of " + owner);
        Expect(TokenKind.ReturnKeyword, "after the script language of " + owner);
        var returnType = ParseAttributeType("after 'return' in " + owner);
        var body = Expect(TokenKind.Script, "('{ ... }') as the body of " + owner);
        return new FunctionDefinitionSyntax(annotations, name, language, returnType, body.Value ?? string.Empty, body.Span, SpanFrom(start));
    }

    /// <summary>
    /// <c>define aggregation A from S... select ... [group by ...] aggregate [by ts] every sec ... year</c>.
    /// </summary>
    private AggregationDefinitionSyntax ParseAggregationDefinition(ImmutableArray<AnnotationSyntax> annotations, int start)
    {
        Advance(); // aggregation
        var name = ExpectName("an aggregation name", "after 'define aggregation'");
        var owner = "aggregation " + Quote(name);
        Expect(TokenKind.FromKeyword, "after the name of " + owner);
        var input = ParseSingleSource(allowWindow: true, allowPostWindowHandlers: true, allowAlias: false, "in the input of " + owner);
        if (!At(TokenKind.SelectKeyword))
        {
            throw ErrorExpected("'select'", "after the input of " + owner);
        }

        var selector = ParseSelector(groupByOnly: true);
        Expect(TokenKind.AggregateKeyword, "after the select clause of " + owner);
        AttributeReferenceExpressionSyntax? aggregateBy = null;
        if (Accept(TokenKind.ByKeyword))
        {
            aggregateBy = ParseAttributeReference("after 'aggregate by' in " + owner);
        }

        Expect(TokenKind.EveryKeyword, "after 'aggregate' in " + owner);
        var granularities = ImmutableArray.CreateBuilder<GranularitySyntax>();
        granularities.Add(ParseGranularity(owner));
        var isRange = false;
        if (Accept(TokenKind.TripleDot))
        {
            isRange = true;
            granularities.Add(ParseGranularity(owner));
        }
        else
        {
            while (Accept(TokenKind.Comma))
            {
                granularities.Add(ParseGranularity(owner));
            }
        }

        return new AggregationDefinitionSyntax(annotations, name, input, selector, aggregateBy, isRange, granularities.ToImmutable(), SpanFrom(start));
    }

    /// <summary>An aggregation duration: sec, min, hour, day, month or year (any spelling). Weeks are rejected, as in Siddhi.</summary>
    private GranularitySyntax ParseGranularity(string owner)
    {
        var unit = TokenFacts.GetTimeUnit(CurrentKind);
        if (unit is null)
        {
            throw ErrorExpected("a duration (sec, min, hour, day, month or year)", "after 'every' in " + owner);
        }

        var token = Advance();
        if (unit == TimeUnit.Week || unit == TimeUnit.Millisecond)
        {
            Report(DiagnosticDescriptors.UnsupportedAggregationDuration, token.Span, token.Value ?? string.Empty);
        }

        return new GranularitySyntax(unit.Value, token.Span);
    }

    private void ReportAnnotationsNotAllowed(ImmutableArray<AnnotationSyntax> annotations, string kind)
    {
        foreach (var annotation in annotations)
        {
            ReportSyntaxError(annotation.Span, "A " + kind + " definition cannot have annotations ('@" + annotation.FullName + "')");
        }
    }
}
