using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Binding;

/// <summary>How a pattern's start state is armed.</summary>
internal enum PatternStart
{
    /// <summary><c>e1=A -&gt; ...</c>: armed once; after its first match the pattern never starts again.</summary>
    Once,

    /// <summary><c>every e1=A -&gt; ...</c>: every matching A starts a partial match of its own.</summary>
    EveryEvent,

    /// <summary><c>every (e1=A -&gt; e2=B)</c>: re-armed only when the whole chain completes (non-overlapping matches).</summary>
    EveryMatch,
}

/// <summary>
/// The patterns and sequences the generator compiles: a chain <c>A -&gt; B -&gt; ...</c> of single events, <c>every</c> on its
/// first element or around the whole chain, filters that read earlier events, <c>within</c>, and a plain
/// selector (a sequence: the same chain, each step taking the very next event). Counting, logical and absent
/// elements, <c>every</c> elsewhere, and aggregating or
/// rate-limited selectors are reported as not supported yet.
/// </summary>
internal sealed class PatternPlan
{
    private PatternPlan(IReadOnlyList<StreamStateSpec> steps, PatternStart start, int groupEnd = 0)
    {
        IsSequence = false;
        Steps = steps;
        Start = start;
        GroupEnd = groupEnd;
    }

    /// <summary>The chain's elements in order; step i fills event slot <c>Steps[i].Event</c>.</summary>
    public IReadOnlyList<StreamStateSpec> Steps { get; }

    public PatternStart Start { get; }

    /// <summary>A sequence (<c>,</c>): a partial match survives only if the very next event advances it.</summary>
    public bool IsSequence { get; private init; }

    /// <summary>For <see cref="PatternStart.EveryMatch"/>: the last step inside <c>every (...)</c>; completing it re-arms the start.</summary>
    public int GroupEnd { get; }

    /// <summary>The plan of a supported pattern query; otherwise null and <paramref name="unsupported"/> names what is missing.</summary>
    public static PatternPlan? Of(StateSpec state, SelectorSpec selector, OutputRateSpec? rate, out string? unsupported)
    {
        unsupported = Unsupported(state, selector, rate);
        if (unsupported is not null)
        {
            return null;
        }

        var plan = state.Root switch
        {
            EveryStateSpec { Inner: NextStateSpec group } => new(group.Steps.Cast<StreamStateSpec>().ToList(), PatternStart.EveryMatch, group.Steps.Count - 1),
            EveryStateSpec { Inner: StreamStateSpec single } => new(new[] { single }, PatternStart.EveryEvent),
            NextStateSpec next when next.Steps[0] is EveryStateSpec { Inner: NextStateSpec group } =>
                new(group.Steps.Concat(next.Steps.Skip(1)).Cast<StreamStateSpec>().ToList(), PatternStart.EveryMatch, group.Steps.Count - 1),
            NextStateSpec next => new(next.Steps.Select(s => s is EveryStateSpec e ? (StreamStateSpec)e.Inner : (StreamStateSpec)s).ToList(),
                next.Steps[0] is EveryStateSpec ? PatternStart.EveryEvent : PatternStart.Once),
            StreamStateSpec single => new PatternPlan(new[] { single }, PatternStart.Once),
            _ => null,
        };
        return plan is null ? null : new PatternPlan(plan.Steps, plan.Start, plan.GroupEnd) { IsSequence = state.Kind == StateKind.Sequence };
    }

    private static string? Unsupported(StateSpec state, SelectorSpec selector, OutputRateSpec? rate)
    {
        if (state.Kind == StateKind.Sequence && (state.Root is EveryStateSpec { Inner: NextStateSpec } || state.Root is NextStateSpec chain && chain.Steps[0] is EveryStateSpec { Inner: NextStateSpec }))
        {
            return "'every' around a group in a sequence";
        }

        var kind = state.Kind == StateKind.Sequence ? "sequence" : "pattern";
        var elements = Flatten(state.Root).ToList();
        if (elements.OfType<CountStateSpec>().Any())
        {
            return state.Kind == StateKind.Sequence ? "counting in a sequence (<n:m>, +, *, ?)" : "counting in a pattern (<n:m>)";
        }

        if (elements.OfType<LogicalStateSpec>().Any())
        {
            return $"'and'/'or' in a {kind}";
        }

        if (elements.OfType<AbsentStateSpec>().Any())
        {
            return $"absent element in a {kind} (not ... for)";
        }

        var chainEvery = state.Root switch
        {
            EveryStateSpec { Inner: StreamStateSpec } => true,
            EveryStateSpec { Inner: NextStateSpec group } => group.Steps.All(s => s is StreamStateSpec),
            NextStateSpec next => next.Steps.Skip(1).All(s => s is StreamStateSpec) && IsChainStart(next.Steps[0]),
            StreamStateSpec => true,
            _ => false,
        };
        if (!chainEvery)
        {
            return "'every' inside a pattern";
        }

        if (selector.Aggregators.Count > 0 || selector.GroupBy.Count > 0)
        {
            return $"aggregation over a {kind}";
        }

        if (rate is not null)
        {
            return $"output rate limiting on a {kind}";
        }

        var expressions = elements.OfType<StreamStateSpec>().SelectMany(s => s.Filters)
            .Concat(selector.Projections.Select(p => p.Expression))
            .Concat(selector.Having is { } having ? new[] { having } : System.Array.Empty<ExpressionSpec>())
            .SelectMany(SpecWalker.Descendants);
        if (expressions.Any(e => e is StateAttributeRefSpec { Index: { Offset: not 0 } } or StateCollectedValuesSpec or StateEventRefSpec or StateEventIsNullSpec { Index: not null }))
        {
            return $"indexed event reference in a {kind} (e1[n])";
        }

        return null;
    }

    /// <summary>A chain may start with an event, <c>every</c> event, or <c>every (...)</c> chain of events.</summary>
    private static bool IsChainStart(StateElementSpec first) => first switch
    {
        StreamStateSpec or EveryStateSpec { Inner: StreamStateSpec } => true,
        EveryStateSpec { Inner: NextStateSpec group } => group.Steps.All(s => s is StreamStateSpec),
        _ => false,
    };

    private static IEnumerable<StateElementSpec> Flatten(StateElementSpec element)
    {
        yield return element;
        var children = element switch
        {
            EveryStateSpec e => new[] { e.Inner },
            NextStateSpec n => n.Steps.ToArray(),
            LogicalStateSpec l => new[] { l.Left, l.Right },
            CountStateSpec c => new StateElementSpec[] { c.Element },
            _ => System.Array.Empty<StateElementSpec>(),
        };
        foreach (var child in children.SelectMany(Flatten))
        {
            yield return child;
        }
    }
}
