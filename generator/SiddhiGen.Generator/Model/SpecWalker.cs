using System.Collections.Generic;
using System.Linq;

namespace SiddhiGen.Generator.Model;

/// <summary>Enumerates every expression node of a query, so the emitter can ask what a query uses.</summary>
public static class SpecWalker
{
    public static IEnumerable<ExpressionSpec> Expressions(QuerySpec query)
    {
        var roots = query.Input.PreWindowFilters
            .Concat(query.Input.PostWindowFilters)
            .Concat(query.Input.Window?.Arguments ?? EquatableArray<ExpressionSpec>.Empty)
            .Concat(query.Selector.Projections.Select(p => p.Expression))
            .Concat(query.Selector.Aggregators.Where(a => a.Argument is not null).Select(a => a.Argument!))
            .Concat(query.Selector.Having is null ? Enumerable.Empty<ExpressionSpec>() : new[] { query.Selector.Having })
            .Concat(query.Join is null ? Enumerable.Empty<ExpressionSpec>() : JoinExpressions(query.Join));
        return roots.SelectMany(Descendants);
    }

    private static IEnumerable<ExpressionSpec> JoinExpressions(JoinSpec join) =>
        join.Left.Filters
            .Concat(join.Right.Filters)
            .Concat(join.Left.Window?.Arguments ?? EquatableArray<ExpressionSpec>.Empty)
            .Concat(join.Right.Window?.Arguments ?? EquatableArray<ExpressionSpec>.Empty)
            .Concat(join.On is null ? Enumerable.Empty<ExpressionSpec>() : new[] { join.On });

    public static IEnumerable<ExpressionSpec> Descendants(ExpressionSpec expression)
    {
        yield return expression;
        IEnumerable<ExpressionSpec> children = expression switch
        {
            BinarySpec b => new[] { b.Left, b.Right },
            NotSpec n => new[] { n.Operand },
            IsNullSpec i => new[] { i.Operand },
            FunctionCallSpec f => f.Arguments,
            ExtensionCallSpec x => x.Arguments,
            ScriptCallSpec s => s.Arguments,
            InTableSpec t => new[] { t.Condition },
            LogSpec l => new[] { l.Priority, l.Message }.Where(x => x is not null).Select(x => x!),
            _ => Enumerable.Empty<ExpressionSpec>(),
        };
        foreach (var child in children.SelectMany(Descendants))
        {
            yield return child;
        }
    }
}
