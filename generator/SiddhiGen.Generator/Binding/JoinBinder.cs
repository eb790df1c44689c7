using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Binds <c>from L [as a] [unidirectional] join R [as b] on cond</c>: resolves each side (a stream with
/// filters and a window, or a named window), the aliases, which sides trigger, and the condition.
/// </summary>
internal sealed class JoinBinder
{
    private readonly BindingContext _context;
    private readonly AppSymbols _symbols;
    private readonly ExpressionBinder _expressions;

    public JoinBinder(BindingContext context, AppSymbols symbols, ExpressionBinder expressions)
    {
        _context = context;
        _symbols = symbols;
        _expressions = expressions;
    }

    /// <summary>The scope the selector of the join reads, or null when a side could not be bound.</summary>
    public ExpressionScope? Scope { get; private set; }

    public JoinSpec? Bind(JoinInputSyntax join, string operatorName)
    {
        var left = ResolveSide(join.Left);
        var right = ResolveSide(join.Right);
        if (left is null || right is null)
        {
            return null;
        }

        var leftName = join.Left.Alias?.Text ?? left.Name;
        var rightName = join.Right.Alias?.Text ?? right.Name;
        if (leftName == rightName)
        {
            _context.Report(DiagnosticDescriptors.InvalidQuery, join.Right.Span, $"Both sides of the join are called '{leftName}': give them different aliases with 'as'");
            return null;
        }

        if (join.WithinStart is not null || join.Per is not null)
        {
            _context.Report(DiagnosticDescriptors.InvalidQuery, (join.WithinStart ?? join.Per)!.Span, "'within' and 'per' apply only to a join with an aggregation");
            return null;
        }

        var joined = JoinedStream(operatorName);
        var scope = new ExpressionScope(
            new[] { new ScopeSource(left, join.Left.Alias?.Text, "Left"), new ScopeSource(right, join.Right.Alias?.Text, "Right") },
            "join condition");

        // A named window joined with itself delivers each event once, to the left side (as Siddhi does).
        var selfJoinedWindow = left.Name == right.Name && _symbols.Streams[left.Name].IsWindow;
        var leftSide = BindSide(join.Left, left, "Left", triggers: !join.IsRightUnidirectional);
        var rightSide = BindSide(join.Right, right, "Right", triggers: !join.IsLeftUnidirectional && !selfJoinedWindow);
        ExpressionSpec? on = null;
        if (join.On is { } onSyntax)
        {
            on = _expressions.BindCondition(onSyntax, scope);
            if (on is null)
            {
                return null;
            }
        }

        if (leftSide is null || rightSide is null)
        {
            return null;
        }

        Scope = scope;
        var kind = join.Kind switch
        {
            Parsing.JoinKind.LeftOuter => Model.JoinKind.LeftOuter,
            Parsing.JoinKind.RightOuter => Model.JoinKind.RightOuter,
            Parsing.JoinKind.FullOuter => Model.JoinKind.FullOuter,
            _ => Model.JoinKind.Inner,
        };
        return new JoinSpec(kind, leftSide, rightSide, on, joined);
    }

    private StreamSpec? ResolveSide(SingleInputSyntax side)
    {
        var source = side.Source;
        var name = source.Name.Text;
        if (source.IsInner && !source.IsFault)
        {
            return _symbols.ResolveInnerStream(_context, source);
        }

        if (source.IsInner || source.IsFault)
        {
            _context.NotSupported((source.IsInner ? "inner stream '#" : "fault stream '!") + name + "' in a join", source.Span);
            return null;
        }

        if (_symbols.Streams.TryGetValue(name, out var stream))
        {
            return stream.Spec;
        }

        if (_symbols.OtherDefinitions.TryGetValue(name, out var kind))
        {
            _context.NotSupported($"join with {kind} '{name}'", source.Span);
            return null;
        }

        if (!_symbols.Unresolved.Contains(name))
        {
            _context.Report(DiagnosticDescriptors.UndefinedStream, source.Name.Span, name);
        }

        return null;
    }

    /// <summary>One stream side of a join: filters, then at most one window (none on a named window).</summary>
    internal JoinSideSpec? BindSide(SingleInputSyntax side, StreamSpec stream, string path, bool triggers)
    {
        var isWindow = _symbols.Streams.TryGetValue(stream.Name, out var entry) && entry.IsWindow;
        var scope = new ExpressionScope(stream, side.Alias?.Text, "filter");
        var filters = new List<ExpressionSpec>();
        WindowSpec? window = null;
        var ok = true;
        foreach (var handler in side.Handlers)
        {
            switch (handler)
            {
                case FilterHandlerSyntax filter when window is null:
                    var condition = _expressions.BindCondition(filter.Condition, scope);
                    ok &= condition is not null;
                    if (condition is not null)
                    {
                        filters.Add(condition);
                    }

                    break;

                case WindowHandlerSyntax w when isWindow:
                    _context.Report(DiagnosticDescriptors.InvalidQuery, w.Span, $"'{stream.Name}' is a window: a join side reading it cannot add another window");
                    ok = false;
                    break;

                case WindowHandlerSyntax w:
                    window = new WindowBinder(_context, _expressions).Bind(w.Function, scope);
                    ok &= window is not null;
                    break;

                default:
                    _context.NotSupported(handler is FilterHandlerSyntax ? "filter after a window in a join" : "stream function in a join", handler.Span);
                    ok = false;
                    break;
            }
        }

        return ok ? new JoinSideSpec(stream.Name, path, isWindow, new EquatableArray<ExpressionSpec>(filters), window, triggers) : null;
    }

    /// <summary>The event the join's selector reads: the two sides' events side by side.</summary>
    private static StreamSpec JoinedStream(string operatorName) =>
        new(
            operatorName + ".Joined",
            "Joined",
            "Joined",
            new EquatableArray<AttributeSpec>(new[]
            {
                new AttributeSpec("Left", AttributeType.Object, "Left"),
                new AttributeSpec("Right", AttributeType.Object, "Right"),
            }),
            IsInferred: true,
            IsQueryTarget: false,
            DefinitionText: null);
}
