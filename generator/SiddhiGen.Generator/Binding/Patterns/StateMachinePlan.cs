using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// The pattern and sequence forms that compile to the runtime's general state machine
/// (<c>SiddhiGen.Runtime.Patterns.StateMachine</c>) when <see cref="PatternPlan"/> has no fused code for them: absent
/// elements (<c>not A for t</c>, alone or in <c>and</c>/<c>or</c>), <c>every</c> anywhere, counts anywhere and in
/// sequences, and logical steps over absent elements. What the state machine's selector cannot do yet is named here.
/// </summary>
internal static class StateMachinePlan
{
    /// <summary>Null when the query compiles to the state machine; otherwise what is missing.</summary>
    public static string? Unsupported(StateSpec state, SelectorSpec selector, OutputRateSpec? rate)
    {
        var kind = state.Kind == StateKind.Sequence ? "sequence" : "pattern";
        if (rate is not null)
        {
            return $"output rate limiting on a {kind}";
        }

        var expressions = PatternPlan.Flatten(state.Root).SelectMany(Filters)
            .Concat(selector.Projections.Select(p => p.Expression))
            .Concat(selector.Having is { } having ? new[] { having } : System.Array.Empty<ExpressionSpec>())
            .SelectMany(SpecWalker.Descendants);
        if (expressions.Any(e => e is StateEventRefSpec))
        {
            return $"a whole event as a value in a {kind} (e1)";
        }

        return null;
    }

    private static System.Collections.Generic.IEnumerable<ExpressionSpec> Filters(StateElementSpec element) => element switch
    {
        StreamStateSpec s => s.Filters,
        AbsentStateSpec a => a.Filters,
        _ => Enumerable.Empty<ExpressionSpec>(),
    };
}
