using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// What names mean inside a pattern or sequence query, as Siddhi's <c>ExpressionParser</c> resolves them over
/// a <c>MetaStateEvent</c>:
/// <list type="bullet">
/// <item><c>e1.x</c>, <c>S.x</c>: the first visible slot with that alias (or, without an alias, that stream);
/// <c>e1[0].x</c>, <c>e1[last-1].x</c> read one collected event; in a selector, <c>e1.x</c> of a counting slot
/// is the list of all collected values (typed <c>object</c>).</item>
/// <item>an unqualified <c>x</c> in a filter reads the filtered event's stream; elsewhere it must exist in
/// exactly one slot's stream. A name that is no attribute but a slot (<c>e1</c>) is that event, typed <c>object</c>.</item>
/// <item><c>e2 is null</c> (a slot or stream of the query), <c>e1[last] is null</c>: the slot holds no such event.</item>
/// </list>
/// A filter sees only the slots Siddhi has met when it compiles the filter (its own and the ones before it).
/// </summary>
internal sealed class StateScope : IScopeExtension
{
    private readonly BindingContext _context;
    private readonly IReadOnlyList<StateEvent> _events;
    private readonly int? _current;
    private readonly string _construct;

    public StateScope(BindingContext context, IReadOnlyList<StateEvent> events, int? current, string construct)
    {
        _context = context;
        _events = events;
        _current = current;
        _construct = construct;
    }

    private IEnumerable<StateEvent> Visible => _current is { } current ? _events.Where(e => e.Position <= current) : _events;

    public bool TryBind(ExpressionSyntax syntax, ExpressionScope scope, out ExpressionSpec? bound)
    {
        bound = null;
        switch (syntax)
        {
            case AttributeReferenceExpressionSyntax attribute:
                return TryBindAttribute(attribute, scope, out bound);

            case IsNullExpressionSyntax { Operand: AttributeReferenceExpressionSyntax { Qualifier: null } operand } when IsActive(operand.Name.Text):
                bound = new StateEventIsNullSpec(Find(operand.Name.Text)?.Position ?? -1, null);
                return true;

            case IsNullExpressionSyntax { Operand: StreamReferenceExpressionSyntax stream } when !stream.Stream.IsFault && stream.Stream.Function is null:
                var name = (stream.Stream.IsInner ? "#" : string.Empty) + stream.Stream.Name.Text;
                bound = new StateEventIsNullSpec(Find(name)?.Position ?? -1, Index(stream.Stream.Index));
                return true;

            default:
                return false;
        }
    }

    private bool TryBindAttribute(AttributeReferenceExpressionSyntax attribute, ExpressionScope scope, out ExpressionSpec? bound)
    {
        bound = null;
        var name = attribute.Name.Text;
        var qualifier = attribute.Qualifier;
        if (qualifier is not null)
        {
            if (qualifier.IsFault || qualifier.Function is not null)
            {
                return false;
            }

            var reference = (qualifier.IsInner ? "#" : string.Empty) + qualifier.Name.Text;
            var slot = Find(reference);
            if (slot is null)
            {
                _context.Report(DiagnosticDescriptors.UndefinedEventReference, qualifier.Name.Span, reference, _construct);
                return true;
            }

            if (slot.Stream is null)
            {
                return true;
            }

            var target = slot.Stream.Attributes.FirstOrDefault(a => a.Name == name);
            if (target is null)
            {
                _context.Report(DiagnosticDescriptors.UndefinedAttribute, attribute.Name.Span, name, "'" + reference + "'");
                return true;
            }

            bound = qualifier.Index is { } index
                ? new StateAttributeRefSpec(target.Type, target.Name, slot.Position, slot.Path + "." + target.PropertyName, Index(index)!)
                : slot.IsCounting && _current is null && scope.Output is null && slot.Alias is not null
                    ? new StateCollectedValuesSpec(target.Name, slot.Position, slot.Path + "." + target.PropertyName)
                    : Reference(slot, target);
            return true;
        }

        if (scope.Output is { } output && output.Any(p => p.Attribute.Name == name))
        {
            // having: the selected attributes come first; the expression binder reads them.
            return false;
        }

        if (_current is { } current)
        {
            var slot = _events[current];
            if (slot.Stream is null)
            {
                return true;
            }

            var target = slot.Stream.Attributes.FirstOrDefault(a => a.Name == name);
            if (target is not null)
            {
                bound = Reference(slot, target);
                return true;
            }

            if (!TryEventReference(name, out bound))
            {
                _context.Report(DiagnosticDescriptors.UndefinedAttribute, attribute.Name.Span, name, "'" + slot.ReferenceName + "'");
            }

            return true;
        }

        StateEvent? found = null;
        AttributeSpec? foundAttribute = null;
        foreach (var slot in _events)
        {
            var candidate = slot.Stream?.Attributes.FirstOrDefault(a => a.Name == name);
            if (candidate is null)
            {
                continue;
            }

            if (found is not null)
            {
                _context.Report(DiagnosticDescriptors.AmbiguousAttribute, attribute.Name.Span, name, found.ReferenceName, slot.ReferenceName);
                return true;
            }

            found = slot;
            foundAttribute = candidate;
        }

        if (found is not null)
        {
            bound = Reference(found, foundAttribute!);
            return true;
        }

        if (!TryEventReference(name, out bound) && _events.All(e => e.Stream is not null))
        {
            var where = "'" + string.Join("' or '", _events.Select(e => e.ReferenceName).Distinct()) + "'";
            _context.Report(DiagnosticDescriptors.UndefinedAttribute, attribute.Name.Span, name, where);
        }

        return true;
    }

    /// <summary>A bare slot name used as a value: the event itself (Siddhi's <c>EventVariableFunctionExecutor</c>).</summary>
    private bool TryEventReference(string name, out ExpressionSpec? bound)
    {
        var slot = Find(name);
        bound = slot is null ? null : new StateEventRefSpec(slot.Position, null);
        return slot is not null;
    }

    private StateEvent? Find(string reference) => Visible.FirstOrDefault(e => e.IsReferencedAs(reference));

    /// <summary>The names Siddhi treats as streams in <c>x is null</c>: every alias and stream id of the query.</summary>
    private bool IsActive(string name) => _events.Any(e => e.Alias == name || e.StreamName == name);

    private static AttributeRefSpec Reference(StateEvent slot, AttributeSpec attribute) =>
        new(attribute.Type, attribute.Name, slot.Path + "." + attribute.PropertyName, RowSource.Input);

    private static EventIndexSpec? Index(EventIndexSyntax? index) => index is null ? null : new EventIndexSpec(index.IsLast, index.Value);
}
