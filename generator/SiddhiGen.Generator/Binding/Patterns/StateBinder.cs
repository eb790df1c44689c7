using System;
using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Binds a pattern (<c>-&gt;</c>) or sequence (<c>,</c>) input: resolves each element's stream, numbers the
/// event slots in Siddhi's order (its state parser visits the right operand of <c>and</c>/<c>or</c> before
/// the left), binds each element's filters with the slots visible at that point, and builds the state tree.
/// <see cref="Scope"/> is what the selector reads: every slot, by alias or stream.
/// </summary>
internal sealed class StateBinder
{
    private readonly BindingContext _context;
    private readonly ExpressionBinder _expressions;
    private readonly Func<SourceSyntax, string, StreamSpec?> _resolveSource;
    private readonly Func<StreamFunctionHandlerSyntax, ExpressionScope, ExpressionSpec?> _bindFunction;
    private readonly List<StateEvent> _events = new();
    private readonly Dictionary<StateElementSyntax, StateEvent> _slots = new();
    private string _construct = "pattern";
    private bool _ok = true;

    /// <param name="resolveSource">Resolves an element's stream (reporting what is wrong) for the named construct.</param>
    /// <param name="bindFunction">Binds a stream function handler such as <c>#log()</c>, or reports it.</param>
    public StateBinder(
        BindingContext context,
        ExpressionBinder expressions,
        Func<SourceSyntax, string, StreamSpec?> resolveSource,
        Func<StreamFunctionHandlerSyntax, ExpressionScope, ExpressionSpec?> bindFunction)
    {
        _context = context;
        _expressions = expressions;
        _resolveSource = resolveSource;
        _bindFunction = bindFunction;
    }

    /// <summary>The scope of the selector, or null when a slot's stream could not be resolved.</summary>
    public ExpressionScope? Scope { get; private set; }

    public StateSpec? Bind(StateInputSyntax syntax)
    {
        _construct = syntax.Kind == StateInputKind.Pattern ? "pattern" : "sequence";
        CollectSlots(syntax.Root, counting: false);
        var root = BindElement(syntax.Root);
        if (_events.All(e => e.Stream is not null))
        {
            var sources = _events.Select(e => new ScopeSource(e.Stream!, e.Alias, e.Path)).ToList();
            Scope = new ExpressionScope(sources, "select clause") { Extension = new StateScope(_context, _events, null, _construct) };
        }
        else
        {
            _ok = false;
        }

        if (!_ok || root is null)
        {
            return null;
        }

        var kind = syntax.Kind == StateInputKind.Pattern ? StateKind.Pattern : StateKind.Sequence;
        return new StateSpec(kind, root, new EquatableArray<StateEventSpec>(_events.Select(e => e.ToSpec())), syntax.Within?.Milliseconds);
    }

    /// <summary>Numbers the slots in the order Siddhi's <c>StateInputStreamParser</c> meets them.</summary>
    private void CollectSlots(StateElementSyntax element, bool counting)
    {
        switch (element)
        {
            case StreamStateElementSyntax stream:
                AddSlot(stream, stream.EventName?.Text, stream.Source, counting, isAbsent: false);
                break;
            case AbsentStateElementSyntax absent:
                AddSlot(absent, null, absent.Source, counting: false, isAbsent: true);
                break;
            case CountStateElementSyntax count:
                CollectSlots(count.Element, counting: true);
                break;
            case LogicalStateElementSyntax logical:
                var (first, second) = Sides(logical);
                CollectSlots(second, counting);
                CollectSlots(first, counting);
                break;
            case EveryStateElementSyntax every:
                CollectSlots(every.Inner, counting);
                break;
            case StateChainSyntax chain:
                foreach (var step in chain.Elements)
                {
                    CollectSlots(step, counting);
                }

                break;
        }
    }

    /// <summary>
    /// The sides of <c>and</c>/<c>or</c> in Siddhi's order: an absent element with a present one always comes first
    /// (Siddhi's parser builds <c>e2=B or not A for t</c> as <c>not A for t or e2=B</c>), which decides its slots and its timers.
    /// </summary>
    private static (StateElementSyntax First, StateElementSyntax Second) Sides(LogicalStateElementSyntax logical) =>
        logical.Right is AbsentStateElementSyntax && logical.Left is not AbsentStateElementSyntax ? (logical.Right, logical.Left) : (logical.Left, logical.Right);

    private void AddSlot(StateElementSyntax element, string? alias, SourceSyntax source, bool counting, bool isAbsent)
    {
        var stream = _resolveSource(source, "a " + _construct);
        var slot = new StateEvent(_events.Count, alias, (source.IsInner ? "#" : source.IsFault ? "!" : string.Empty) + source.Name.Text, stream, counting, isAbsent);
        _events.Add(slot);
        _slots[element] = slot;
    }

    private StateElementSpec? BindElement(StateElementSyntax element)
    {
        switch (element)
        {
            case StreamStateElementSyntax stream:
                return BindStream(stream);

            case AbsentStateElementSyntax absent:
                var absentSlot = _slots[absent];
                var absentFilters = BindHandlers(absentSlot, absent.Handlers);
                return absentFilters is null ? null : new AbsentStateSpec(absentSlot.Position, absentFilters.Value, absent.For?.Milliseconds);

            case CountStateElementSyntax count:
                var inner = BindStream(count.Element);
                var (min, max) = count.Quantifier switch
                {
                    CountQuantifier.OneOrMore => (1, -1),
                    CountQuantifier.ZeroOrMore => (0, -1),
                    CountQuantifier.ZeroOrOne => (0, 1),
                    _ => (count.Min ?? 0, count.Max ?? -1),
                };
                return inner is null ? null : new CountStateSpec(inner, min, max);

            case LogicalStateElementSyntax logical:
                var (element1, element2) = Sides(logical);
                var left = BindElement(element1);
                var right = BindElement(element2);
                var op = logical.Operator == Parsing.LogicalStateOperator.And ? Model.LogicalStateOperator.And : Model.LogicalStateOperator.Or;
                return left is null || right is null ? null : new LogicalStateSpec(left, op, right);

            case EveryStateElementSyntax every:
                var body = BindElement(every.Inner);
                return body is null ? null : new EveryStateSpec(body);

            case StateChainSyntax chain:
                var steps = new List<StateElementSpec>();
                foreach (var step in chain.Elements)
                {
                    var bound = BindElement(step);
                    if (bound is not null)
                    {
                        steps.Add(bound);
                    }
                }

                return steps.Count == chain.Elements.Length ? new NextStateSpec(new EquatableArray<StateElementSpec>(steps)) : null;

            default:
                _ok = false;
                return null;
        }
    }

    private StreamStateSpec? BindStream(StreamStateElementSyntax stream)
    {
        var slot = _slots[stream];
        var filters = BindHandlers(slot, stream.Handlers);
        return filters is null ? null : new StreamStateSpec(slot.Position, filters.Value);
    }

    /// <summary>Binds an element's filters and stream functions with the slots Siddhi has met so far.</summary>
    private EquatableArray<ExpressionSpec>? BindHandlers(StateEvent slot, IEnumerable<StreamHandlerSyntax> handlers)
    {
        if (slot.Stream is null)
        {
            return null;
        }

        var visible = _events.Where(e => e.Position <= slot.Position && e.Stream is not null).Select(e => new ScopeSource(e.Stream!, e.Alias, e.Path)).ToList();
        var scope = new ExpressionScope(visible, "filter") { Extension = new StateScope(_context, _events, slot.Position, _construct) };
        var bound = new List<ExpressionSpec>();
        var ok = true;
        foreach (var handler in handlers)
        {
            var spec = handler switch
            {
                FilterHandlerSyntax filter => _expressions.BindCondition(filter.Condition, scope),
                StreamFunctionHandlerSyntax function => _bindFunction(function, scope),
                _ => null,
            };

            ok &= spec is not null;
            if (spec is not null)
            {
                bound.Add(spec);
            }
        }

        _ok &= ok;
        return ok ? new EquatableArray<ExpressionSpec>(bound) : null;
    }
}
