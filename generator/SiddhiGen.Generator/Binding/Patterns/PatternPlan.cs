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
    private PatternPlan(IReadOnlyList<StateElementSpec> steps, PatternStart start, int groupEnd, bool isSequence)
    {
        Steps = steps;
        Start = start;
        GroupEnd = groupEnd;
        IsSequence = isSequence;
    }

    /// <summary>
    /// The chain's steps in order: each a <see cref="StreamStateSpec"/> (one event) or a <see cref="LogicalStateSpec"/>
    /// of two of them (<c>A and B</c>: both, in any order; <c>A or B</c>: either).
    /// </summary>
    public IReadOnlyList<StateElementSpec> Steps { get; }

    public PatternStart Start { get; }

    /// <summary>A sequence (<c>,</c>): a partial match survives only if the very next event advances it.</summary>
    public bool IsSequence { get; }

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

        var sequence = state.Kind == StateKind.Sequence;
        var (first, rest) = state.Root is NextStateSpec next ? (next.Steps[0], next.Steps.Skip(1).ToList()) : (state.Root, new List<StateElementSpec>());
        PatternPlan plan = first switch
        {
            EveryStateSpec { Inner: NextStateSpec group } => new(group.Steps.Concat(rest).ToList(), PatternStart.EveryMatch, group.Steps.Count - 1, sequence),
            EveryStateSpec { Inner: LogicalStateSpec logical } => new(new StateElementSpec[] { logical }.Concat(rest).ToList(), PatternStart.EveryMatch, 0, sequence),
            EveryStateSpec { Inner: var single } => new(new[] { single }.Concat(rest).ToList(), PatternStart.EveryEvent, 0, sequence),
            _ => new(new[] { first }.Concat(rest).ToList(), PatternStart.Once, 0, sequence),
        };
        if (plan.Steps[plan.Steps.Count - 1] is CountStateSpec)
        {
            unsupported = "counting on the last event of a pattern";
            return null;
        }

        return plan;
    }

    /// <summary>The event slots a step fills.</summary>
    public static IEnumerable<StreamStateSpec> Operands(StateElementSpec step) => step switch
    {
        CountStateSpec count => new[] { count.Element },
        LogicalStateSpec logical => new[] { (StreamStateSpec)logical.Left, (StreamStateSpec)logical.Right },
        _ => new[] { (StreamStateSpec)step },
    };

    private static string? Unsupported(StateSpec state, SelectorSpec selector, OutputRateSpec? rate)
    {
        var kind = state.Kind == StateKind.Sequence ? "sequence" : "pattern";
        var elements = Flatten(state.Root).ToList();
        if (state.Kind == StateKind.Sequence && elements.OfType<CountStateSpec>().Any())
        {
            return state.Kind == StateKind.Sequence ? "counting in a sequence (<n:m>, +, *, ?)" : "counting in a pattern (<n:m>)";
        }

        if (elements.OfType<LogicalStateSpec>().Any(l => l.Left is not StreamStateSpec || l.Right is not StreamStateSpec))
        {
            return $"'and'/'or' of other than two events in a {kind}";
        }

        if (elements.OfType<AbsentStateSpec>().Any())
        {
            return $"absent element in a {kind} (not ... for)";
        }

        var (head, tail) = state.Root is NextStateSpec chain ? (chain.Steps[0], chain.Steps.Skip(1)) : (state.Root, Enumerable.Empty<StateElementSpec>());
        if (!IsChainStart(head) || !tail.All(IsStep))
        {
            return $"'every' inside a {kind}";
        }

        if (state.Kind == StateKind.Sequence && head is EveryStateSpec { Inner: not StreamStateSpec })
        {
            return "'every' around a group in a sequence";
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
        var counting = new HashSet<int>(state.Events.Where(e => e.IsCounting).Select(e => e.Position));
        if (expressions.Any(e => e is StateAttributeRefSpec { Index.Offset: not 0 } r && !counting.Contains(r.Event) || e is StateCollectedValuesSpec or StateEventRefSpec or StateEventIsNullSpec { Index: not null }))
        {
            return $"indexed event reference in a {kind} (e1[n])";
        }

        return null;
    }

    /// <summary>A step of a chain: one event, or <c>and</c>/<c>or</c> of two.</summary>
    private static bool IsStep(StateElementSpec element) =>
        element is StreamStateSpec or CountStateSpec { Element: StreamStateSpec } || element is LogicalStateSpec { Left: StreamStateSpec, Right: StreamStateSpec };

    /// <summary>A chain may start with a step, <c>every</c> event, or <c>every (...)</c> around steps.</summary>
    private static bool IsChainStart(StateElementSpec first) => first switch
    {
        EveryStateSpec { Inner: StreamStateSpec or LogicalStateSpec } every => IsStep(every.Inner),
        EveryStateSpec { Inner: CountStateSpec } => false,
        EveryStateSpec { Inner: NextStateSpec group } => group.Steps.All(IsStep),
        _ => IsStep(first),
    };

    /// <summary>Every element of a pattern, the element itself first, then its children depth-first.</summary>
    internal static IEnumerable<StateElementSpec> Flatten(StateElementSpec element)
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
