using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// One node of a pattern or sequence: <see cref="StreamStateElementSyntax"/>, <see cref="AbsentStateElementSyntax"/>,
/// <see cref="CountStateElementSyntax"/>, <see cref="LogicalStateElementSyntax"/>,
/// <see cref="EveryStateElementSyntax"/> or <see cref="StateChainSyntax"/>. Parentheses are not kept as
/// nodes: a group is its inner element (a chain nested in a chain without <c>every</c> is flattened).
/// </summary>
public abstract class StateElementSyntax : SyntaxNode
{
    protected StateElementSyntax(TextSpan span)
        : base(span)
    {
    }
}

/// <summary>
/// <c>[e1=]S[cond]#fn(...)</c>: one event of stream S, optionally named. Handlers are filters and stream
/// functions (no window).
/// </summary>
public sealed class StreamStateElementSyntax : StateElementSyntax
{
    public StreamStateElementSyntax(IdentifierSyntax? eventName, SourceSyntax source, ImmutableArray<StreamHandlerSyntax> handlers, TextSpan span)
        : base(span)
    {
        EventName = eventName;
        Source = source;
        Handlers = handlers;
    }

    /// <summary>The event alias (<c>e1</c> in <c>e1=S</c>), or null.</summary>
    public IdentifierSyntax? EventName { get; }

    public SourceSyntax Source { get; }

    /// <summary>Filters and stream functions, in source order.</summary>
    public ImmutableArray<StreamHandlerSyntax> Handlers { get; }
}

/// <summary>
/// <c>not S[cond] [for &lt;time&gt;]</c>: the absence of a matching event. <see cref="For"/> is null only
/// for the operand of <c>and</c> (<c>not A and e2=B</c>, <c>e1=A and not B</c>).
/// </summary>
public sealed class AbsentStateElementSyntax : StateElementSyntax
{
    public AbsentStateElementSyntax(SourceSyntax source, ImmutableArray<StreamHandlerSyntax> handlers, TimeConstantExpressionSyntax? @for, TextSpan span)
        : base(span)
    {
        Source = source;
        Handlers = handlers;
        For = @for;
    }

    public SourceSyntax Source { get; }

    /// <summary>Filters and stream functions, in source order.</summary>
    public ImmutableArray<StreamHandlerSyntax> Handlers { get; }

    /// <summary>The waiting time of <c>for &lt;time&gt;</c>, or null.</summary>
    public TimeConstantExpressionSyntax? For { get; }
}

/// <summary>How a counting element was written.</summary>
public enum CountQuantifier
{
    /// <summary><c>&lt;n:m&gt;</c>, <c>&lt;n:&gt;</c>, <c>&lt;:m&gt;</c> or <c>&lt;n&gt;</c>.</summary>
    Range,

    /// <summary><c>+</c> (sequences): min 1, no max.</summary>
    OneOrMore,

    /// <summary><c>*</c> (sequences): min 0, no max.</summary>
    ZeroOrMore,

    /// <summary><c>?</c> (sequences): min 0, max 1.</summary>
    ZeroOrOne,
}

/// <summary>
/// A counting element: <c>e1=S[c]&lt;2:5&gt;</c>, <c>&lt;2:&gt;</c>, <c>&lt;:5&gt;</c>, <c>&lt;3&gt;</c>, or in
/// sequences <c>+</c>, <c>*</c>, <c>?</c>. <see cref="Min"/>/<see cref="Max"/> are null where not given
/// (<c>&lt;:5&gt;</c> has no min, Siddhi's ANY; <c>&lt;2:&gt;</c> and <c>+</c> have no max).
/// </summary>
public sealed class CountStateElementSyntax : StateElementSyntax
{
    public CountStateElementSyntax(StreamStateElementSyntax element, CountQuantifier quantifier, int? min, int? max, TextSpan span)
        : base(span)
    {
        Element = element;
        Quantifier = quantifier;
        Min = min;
        Max = max;
    }

    public StreamStateElementSyntax Element { get; }

    public CountQuantifier Quantifier { get; }

    public int? Min { get; }

    public int? Max { get; }
}

/// <summary>The operator of a logical state element.</summary>
public enum LogicalStateOperator
{
    And,
    Or,
}

/// <summary>
/// <c>A and B</c> / <c>A or B</c> between exactly two operands, each a <see cref="StreamStateElementSyntax"/>
/// or an <see cref="AbsentStateElementSyntax"/>.
/// </summary>
public sealed class LogicalStateElementSyntax : StateElementSyntax
{
    public LogicalStateElementSyntax(StateElementSyntax left, LogicalStateOperator @operator, StateElementSyntax right, TextSpan span)
        : base(span)
    {
        Left = left;
        Operator = @operator;
        Right = right;
    }

    public StateElementSyntax Left { get; }

    public LogicalStateOperator Operator { get; }

    public StateElementSyntax Right { get; }
}

/// <summary><c>every X</c>, where X is an element or a parenthesised group (then a <see cref="StateChainSyntax"/>).</summary>
public sealed class EveryStateElementSyntax : StateElementSyntax
{
    public EveryStateElementSyntax(StateElementSyntax inner, TextSpan span)
        : base(span) => Inner = inner;

    public StateElementSyntax Inner { get; }
}

/// <summary>
/// Two or more steps: <c>A -&gt; B -&gt; C</c> in a pattern or <c>A, B, C</c> in a sequence (the separator
/// is given by <see cref="StateInputSyntax.Kind"/>).
/// </summary>
public sealed class StateChainSyntax : StateElementSyntax
{
    public StateChainSyntax(ImmutableArray<StateElementSyntax> elements, TextSpan span)
        : base(span) => Elements = elements;

    /// <summary>The steps in order; never a directly nested chain.</summary>
    public ImmutableArray<StateElementSyntax> Elements { get; }
}
