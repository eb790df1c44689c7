using System.Collections.Immutable;

namespace SiddhiGen.Generator.Parsing;

/// <summary>Queries: <c>from ... [select ...] [output ...] insert|delete|update|return ...</c>.</summary>
internal sealed partial class Parser
{
    private QuerySyntax ParseQuery(ImmutableArray<AnnotationSyntax> annotations)
    {
        var start = annotations.IsEmpty ? Current.Start : annotations[0].Span.Start;
        Expect(TokenKind.FromKeyword, "to start a query");
        var input = ParseQueryInput();
        var selector = At(TokenKind.SelectKeyword) ? ParseSelector(groupByOnly: false) : null;
        var outputRate = At(TokenKind.OutputKeyword) ? ParseOutputRate() : null;
        var output = ParseOutputAction(selector is null && outputRate is null
            ? "'select', 'output', 'insert', 'delete', 'update' or 'return'"
            : outputRate is null ? "'output', 'insert', 'delete', 'update' or 'return'" : "'insert', 'delete', 'update' or 'return'");
        return new QuerySyntax(annotations, input, selector, outputRate, output, SpanFrom(start));
    }

    /// <summary>
    /// <c>select (*|items) [group by ...] [having ...] [order by ...] [limit ...] [offset ...]</c>;
    /// with <paramref name="groupByOnly"/> (aggregation definitions) it stops after <c>group by</c>.
    /// </summary>
    private SelectorSyntax ParseSelector(bool groupByOnly)
    {
        var start = Current.Start;
        Expect(TokenKind.SelectKeyword, "to start the select clause");
        var isSelectAll = Accept(TokenKind.Star);
        var attributes = ImmutableArray.CreateBuilder<OutputAttributeSyntax>();
        if (!isSelectAll)
        {
            do
            {
                var itemStart = Current.Start;
                var expression = ParseExpression();
                IdentifierSyntax? alias = null;
                if (Accept(TokenKind.AsKeyword))
                {
                    alias = ExpectName("an output attribute name", "after 'as' in the select clause");
                }

                attributes.Add(new OutputAttributeSyntax(expression, alias, SpanFrom(itemStart)));
            }
            while (Accept(TokenKind.Comma));
        }

        var groupBy = ImmutableArray<AttributeReferenceExpressionSyntax>.Empty;
        if (At(TokenKind.GroupKeyword) && Peek(1).Kind == TokenKind.ByKeyword)
        {
            Advance();
            Advance();
            var builder = ImmutableArray.CreateBuilder<AttributeReferenceExpressionSyntax>();
            do
            {
                builder.Add(ParseAttributeReference("in 'group by'"));
            }
            while (Accept(TokenKind.Comma));

            groupBy = builder.ToImmutable();
        }

        if (groupByOnly)
        {
            return new SelectorSyntax(isSelectAll, attributes.ToImmutable(), groupBy, null, ImmutableArray<OrderByItemSyntax>.Empty, null, null, SpanFrom(start));
        }

        var having = Accept(TokenKind.HavingKeyword) ? ParseExpression() : null;
        var orderBy = ImmutableArray<OrderByItemSyntax>.Empty;
        if (At(TokenKind.OrderKeyword) && Peek(1).Kind == TokenKind.ByKeyword)
        {
            Advance();
            Advance();
            var builder = ImmutableArray.CreateBuilder<OrderByItemSyntax>();
            do
            {
                var itemStart = Current.Start;
                var attribute = ParseAttributeReference("in 'order by'");
                var descending = false;
                if (!Accept(TokenKind.AscKeyword) && Accept(TokenKind.DescKeyword))
                {
                    descending = true;
                }

                builder.Add(new OrderByItemSyntax(attribute, descending, SpanFrom(itemStart)));
            }
            while (Accept(TokenKind.Comma));

            orderBy = builder.ToImmutable();
        }

        var limit = Accept(TokenKind.LimitKeyword) ? ParseExpression() : null;
        var offset = Accept(TokenKind.OffsetKeyword) ? ParseExpression() : null;
        return new SelectorSyntax(isSelectAll, attributes.ToImmutable(), groupBy, having, orderBy, limit, offset, SpanFrom(start));
    }

    /// <summary>
    /// <c>output [all|first|last] every (N events | &lt;time&gt;)</c> or <c>output snapshot every &lt;time&gt;</c>.
    /// </summary>
    private OutputRateSyntax ParseOutputRate()
    {
        var start = Current.Start;
        Advance(); // output
        if (Accept(TokenKind.SnapshotKeyword))
        {
            Expect(TokenKind.EveryKeyword, "after 'output snapshot'");
            var interval = ParseTimeValue("after 'output snapshot every'");
            return new SnapshotOutputRateSyntax(interval, SpanFrom(start));
        }

        var type = OutputRateType.All;
        if (Accept(TokenKind.FirstKeyword))
        {
            type = OutputRateType.First;
        }
        else if (Accept(TokenKind.LastKeyword))
        {
            type = OutputRateType.Last;
        }
        else
        {
            Accept(TokenKind.AllKeyword);
        }

        Expect(TokenKind.EveryKeyword, "in the output rate ('output [all|first|last] every ...')");
        if (At(TokenKind.IntLiteral) && Peek(1).Kind == TokenKind.EventsKeyword)
        {
            var count = ParseIntValue();
            Advance(); // events
            return new EventCountOutputRateSyntax(type, count, SpanFrom(start));
        }

        if (!At(TokenKind.IntLiteral))
        {
            throw ErrorExpected("'<n> events' or a time value such as '1 sec'", "after 'output ... every'");
        }

        var time = ParseTimeValue("after 'output ... every' (or write '<n> events')");
        return new TimeOutputRateSyntax(type, time, SpanFrom(start));
    }

    /// <summary>The output action that ends a query; <paramref name="expected"/> lists what may come here.</summary>
    private OutputActionSyntax ParseOutputAction(string expected)
    {
        var start = Current.Start;
        switch (CurrentKind)
        {
            case TokenKind.InsertKeyword:
            {
                Advance();
                var eventType = ParseOptionalEventType();
                Expect(TokenKind.IntoKeyword, "after 'insert" + (eventType is null ? string.Empty : " ... events") + "'");
                var target = ParseTarget("after 'insert into'");
                return new InsertIntoSyntax(eventType, target, SpanFrom(start));
            }

            case TokenKind.DeleteKeyword:
            {
                Advance();
                var target = ParseTarget("after 'delete'");
                var eventType = ParseForEventType();
                var on = Accept(TokenKind.OnKeyword) ? ParseExpression() : null;
                return new DeleteSyntax(eventType, target, on, SpanFrom(start));
            }

            case TokenKind.UpdateKeyword when Peek(1).Kind == TokenKind.OrKeyword && Peek(2).Kind == TokenKind.InsertKeyword:
            {
                Advance();
                Advance();
                Advance();
                Expect(TokenKind.IntoKeyword, "after 'update or insert'");
                var target = ParseTarget("after 'update or insert into'");
                var eventType = ParseForEventType();
                var set = ParseSetClause();
                Expect(TokenKind.OnKeyword, "in 'update or insert into " + target + "' (it needs an 'on' condition)");
                var on = ParseExpression();
                return new UpdateOrInsertSyntax(eventType, target, set, on, SpanFrom(start));
            }

            case TokenKind.UpdateKeyword:
            {
                Advance();
                var target = ParseTarget("after 'update'");
                var eventType = ParseForEventType();
                var set = ParseSetClause();
                Expect(TokenKind.OnKeyword, "in 'update " + target + "' (it needs an 'on' condition)");
                var on = ParseExpression();
                return new UpdateSyntax(eventType, target, set, on, SpanFrom(start));
            }

            case TokenKind.ReturnKeyword:
            {
                Advance();
                var eventType = ParseOptionalEventType();
                return new ReturnSyntax(eventType, SpanFrom(start));
            }

            default:
                throw ErrorExpected(expected, "in the query");
        }
    }

    /// <summary><c>all events</c>, <c>expired events</c>, <c>current events</c>, <c>events</c>, or null when none is written.</summary>
    private OutputEventType? ParseOptionalEventType()
    {
        OutputEventType? type = CurrentKind switch
        {
            TokenKind.AllKeyword => OutputEventType.All,
            TokenKind.ExpiredKeyword => OutputEventType.Expired,
            TokenKind.CurrentKeyword => OutputEventType.Current,
            TokenKind.EventsKeyword => OutputEventType.Current,
            _ => null,
        };
        if (type is null)
        {
            return null;
        }

        if (At(TokenKind.EventsKeyword))
        {
            Advance();
            return type;
        }

        var word = Advance();
        Expect(TokenKind.EventsKeyword, "after " + DescribeToken(word));
        return type;
    }

    /// <summary>The optional <c>for (all|current|expired)? events</c> of delete/update.</summary>
    private OutputEventType? ParseForEventType()
    {
        if (!Accept(TokenKind.ForKeyword))
        {
            return null;
        }

        return ParseOptionalEventType() ?? throw ErrorExpected("'all events', 'current events', 'expired events' or 'events'", "after 'for'");
    }

    /// <summary><c>set T.a = expr, ...</c>, or empty when there is no <c>set</c>.</summary>
    private ImmutableArray<SetAssignmentSyntax> ParseSetClause()
    {
        if (!Accept(TokenKind.SetKeyword))
        {
            return ImmutableArray<SetAssignmentSyntax>.Empty;
        }

        var assignments = ImmutableArray.CreateBuilder<SetAssignmentSyntax>();
        do
        {
            var start = Current.Start;
            var target = ParseAttributeReference("in the 'set' clause");
            Expect(TokenKind.Assign, "after " + Excerpt(target.Span) + " in the 'set' clause");
            var value = ParseExpression();
            assignments.Add(new SetAssignmentSyntax(target, value, SpanFrom(start)));
        }
        while (Accept(TokenKind.Comma));

        return assignments.ToImmutable();
    }

    /// <summary>An output target or input source: <c>S</c>, <c>#S</c> or <c>!S</c>.</summary>
    private SourceSyntax ParseTarget(string context) => ParseSource("a stream, table or window name", context);

    private SourceSyntax ParseSource(string what, string context)
    {
        var start = Current.Start;
        var isInner = Accept(TokenKind.Hash);
        var isFault = !isInner && Accept(TokenKind.Exclamation);
        var name = ExpectName(what, context);
        return new SourceSyntax(name, isInner, isFault, SpanFrom(start));
    }
}
