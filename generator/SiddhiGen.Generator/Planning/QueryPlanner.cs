using System.Linq;
using SiddhiGen.Generator.Emit;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Planning;

/// <summary>How the emitter builds a query's operator.</summary>
public enum OperatorShape
{
    /// <summary>Input handlers, a runtime window, the selector and the output, in that order.</summary>
    General,

    /// <summary>The window, group-by and aggregators fused into one pass per event (<c>SlidingAggregationEmitter</c>).</summary>
    FusedSlidingAggregation,
}

/// <summary>
/// Decides, from the bound query alone, which operator shape and fast paths a query can take. The emitter
/// asks; it does not decide. Each shape gives the same results as the general path.
/// </summary>
internal static class QueryPlanner
{
    public static OperatorShape ShapeOf(QuerySpec query) =>
        IsFusableSlidingAggregation(query) && !TableEmitter.UsesTables(query) ? OperatorShape.FusedSlidingAggregation : OperatorShape.General;

    /// <summary>
    /// A plain selection over a windowless stream whose filters and projections are attributes, constants and
    /// operators: every row can be written in place and only the count of passing rows moves, with no branch.
    /// </summary>
    public static bool SelectsWithoutBranches(QuerySpec query) =>
        query.Input.Window is null && query.Join is null && query.Rate is null && query.Output.EventType == OutputEventType.Current && query.Selector.Having is null
        && query.Input.PreWindowFilters.Concat(query.Input.PostWindowFilters).Concat(query.Selector.Projections.Select(p => p.Expression))
            .SelectMany(SpecWalker.Descendants)
            .All(IsAttributeArithmetic);

    /// <summary>
    /// A branch-free selection straight from a stream (no function, order, limit or aggregation) also takes an
    /// event sent on its own by reference: <c>Receive(timestamp, in data)</c> filters it and emits its row with no
    /// chunk around it.
    /// </summary>
    public static bool ReceivesSingleEvents(QuerySpec query)
    {
        var selector = query.Selector;
        return SelectsWithoutBranches(query) && query.Input.Function is null && selector.Aggregators.Count == 0 && selector.GroupBy.Count == 0
            && selector.OrderBy.Count == 0 && selector.Limit is null && selector.Offset is null && !TableEmitter.UsesTables(query);
    }

    /// <summary>
    /// A sliding <c>length(n)</c> or <c>time(t)</c> window under incremental aggregators, inserting current events
    /// only: each event in the window keeps its aggregator arguments, so one pass per event does it all.
    /// </summary>
    private static bool IsFusableSlidingAggregation(QuerySpec query)
    {
        var selector = query.Selector;
        var window = query.Input.Window;
        if (query.Join is not null || query.Rate is not null || query.Input.Function is not null || window is null || query.Output.EventType != OutputEventType.Current
            || selector.Aggregators.Count == 0 || selector.OrderBy.Count > 0 || selector.Limit is not null || selector.Offset is not null
            || query.Input.PostWindowFilters.Count > 0)
        {
            return false;
        }

        var sizeOk = window.Name switch
        {
            "length" => window.Arguments.Count == 1 && window.Arguments[0] is ConstantSpec c && long.TryParse(c.Value, out var n) && n >= 1 && n <= int.MaxValue,
            "time" => window.Arguments.Count == 1 && window.Arguments[0] is ConstantSpec t && long.TryParse(t.Value, out var ms) && ms >= 0,
            _ => false,
        };

        // The arguments are stored and replayed when the event leaves, so they must depend on its attributes only;
        // the #log function and clock reads keep to the general path, which declares what they need.
        return sizeOk
            && selector.Aggregators.All(a => a.Extension is null) && selector.Aggregators.All(a => a.Argument is null || SpecWalker.Descendants(a.Argument).All(IsAttributeArithmetic))
            && !SpecWalker.Expressions(query).Any(e => e is LogSpec || e is FunctionCallSpec { Name: "currentTimeMillis" });
    }

    private static bool IsAttributeArithmetic(ExpressionSpec expression) =>
        expression is ConstantSpec or BinarySpec or NotSpec or IsNullSpec || expression is AttributeRefSpec { Source: RowSource.Input };
}
