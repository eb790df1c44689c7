using System.Collections.Immutable;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// On-demand (store) queries: <c>from T [as x] [on c] [within a[, b] per g] [select ...]</c>,
/// <c>select ... insert into T</c>, <c>[select ...] delete T [on c]</c>, <c>[select ...] update T [set ...] on c</c>,
/// <c>select ... update or insert into T [set ...] on c</c>.
/// </summary>
internal sealed partial class Parser
{
    internal OnDemandQuerySyntax? ParseOnDemandQuery()
    {
        try
        {
            var query = ParseOnDemandQueryCore();
            Accept(TokenKind.Semicolon);
            if (!At(TokenKind.EndOfFile))
            {
                throw ErrorExpected("the end of the query", "after the on-demand query");
            }

            return query;
        }
        catch (SyntaxErrorException)
        {
            return null;
        }
    }

    private OnDemandQuerySyntax ParseOnDemandQueryCore()
    {
        var start = Current.Start;
        if (Accept(TokenKind.FromKeyword))
        {
            var input = ParseStoreInput();
            var findSelector = At(TokenKind.SelectKeyword) ? ParseSelector(groupByOnly: false) : null;
            return new OnDemandQuerySyntax(OnDemandQueryKind.Find, input, findSelector, null, SpanFrom(start));
        }

        var selector = At(TokenKind.SelectKeyword) ? ParseSelector(groupByOnly: false) : null;
        var actionStart = Current.Start;
        switch (CurrentKind)
        {
            case TokenKind.InsertKeyword when selector is not null:
            {
                Advance();
                Expect(TokenKind.IntoKeyword, "after 'insert'");
                var target = ParseTarget("after 'insert into'");
                var insert = new InsertIntoSyntax(null, target, SpanFrom(actionStart));
                return new OnDemandQuerySyntax(OnDemandQueryKind.Insert, null, selector, insert, SpanFrom(start));
            }

            case TokenKind.UpdateKeyword when selector is not null && Peek(1).Kind == TokenKind.OrKeyword && Peek(2).Kind == TokenKind.InsertKeyword:
            {
                Advance();
                Advance();
                Advance();
                Expect(TokenKind.IntoKeyword, "after 'update or insert'");
                var target = ParseTarget("after 'update or insert into'");
                var set = ParseSetClause();
                Expect(TokenKind.OnKeyword, "in 'update or insert into " + target + "' (it needs an 'on' condition)");
                var on = ParseExpression();
                var upsert = new UpdateOrInsertSyntax(null, target, set, on, SpanFrom(actionStart));
                return new OnDemandQuerySyntax(OnDemandQueryKind.UpdateOrInsert, null, selector, upsert, SpanFrom(start));
            }

            case TokenKind.DeleteKeyword:
            {
                Advance();
                var target = ParseTarget("after 'delete'");
                var on = Accept(TokenKind.OnKeyword) ? ParseExpression() : null;
                var delete = new DeleteSyntax(null, target, on, SpanFrom(actionStart));
                return new OnDemandQuerySyntax(OnDemandQueryKind.Delete, null, selector, delete, SpanFrom(start));
            }

            case TokenKind.UpdateKeyword when !(Peek(1).Kind == TokenKind.OrKeyword && Peek(2).Kind == TokenKind.InsertKeyword):
            {
                Advance();
                var target = ParseTarget("after 'update'");
                var set = ParseSetClause();
                Expect(TokenKind.OnKeyword, "in 'update " + target + "' (it needs an 'on' condition)");
                var on = ParseExpression();
                var update = new UpdateSyntax(null, target, set, on, SpanFrom(actionStart));
                return new OnDemandQuerySyntax(OnDemandQueryKind.Update, null, selector, update, SpanFrom(start));
            }

            case TokenKind.InsertKeyword:
            case TokenKind.UpdateKeyword:
                throw Error(DiagnosticDescriptors.SyntaxError, Current.Span, "An on-demand " + (At(TokenKind.InsertKeyword) ? "insert" : "update or insert") + " needs a 'select' clause with the values");
            default:
                throw ErrorExpected(selector is null ? "'from', 'select', 'delete' or 'update'" : "'insert', 'delete' or 'update'", "in the on-demand query");
        }
    }

    /// <summary><c>T [as x] [on cond] [within a[, b] per g]</c>.</summary>
    private StoreInputSyntax ParseStoreInput()
    {
        var start = Current.Start;
        var source = ExpectName("a table, window or aggregation name", "after 'from'");
        var alias = Accept(TokenKind.AsKeyword) ? ExpectName("an alias", "after 'as'") : null;
        var on = Accept(TokenKind.OnKeyword) ? ParseExpression() : null;
        ExpressionSyntax? withinStart = null;
        ExpressionSyntax? withinEnd = null;
        ExpressionSyntax? per = null;
        if (Accept(TokenKind.WithinKeyword))
        {
            withinStart = ParseExpression();
            if (Accept(TokenKind.Comma))
            {
                withinEnd = ParseExpression();
            }

            Expect(TokenKind.PerKeyword, "after the 'within' range");
            per = ParseExpression();
        }

        return new StoreInputSyntax(source, alias, on, withinStart, withinEnd, per, SpanFrom(start));
    }
}
