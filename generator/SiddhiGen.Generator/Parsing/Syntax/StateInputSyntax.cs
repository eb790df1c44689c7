using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>Whether a state input is a pattern (<c>-&gt;</c>) or a sequence (<c>,</c>).</summary>
public enum StateInputKind
{
    Pattern,
    Sequence,
}

/// <summary>
/// A pattern <c>from every e1=A[c] -&gt; e2=B[c] within 10 sec</c> or a sequence <c>from e1=A, e2=B+</c>.
/// A single stateful element with no separator (<c>from e1=A[c] select ...</c>) is a pattern.
/// </summary>
public sealed class StateInputSyntax : InputSyntax
{
    public StateInputSyntax(StateInputKind kind, StateElementSyntax root, TimeConstantExpressionSyntax? within, TextSpan span)
        : base(span)
    {
        Kind = kind;
        Root = root;
        Within = within;
    }

    public StateInputKind Kind { get; }

    /// <summary>
    /// The element tree: a <see cref="StateChainSyntax"/> when there are two or more steps, else the single
    /// element (<see cref="StreamStateElementSyntax"/>, <see cref="EveryStateElementSyntax"/>, ...).
    /// </summary>
    public StateElementSyntax Root { get; }

    /// <summary>The <c>within &lt;time&gt;</c> of the whole pattern or sequence, or null.</summary>
    public TimeConstantExpressionSyntax? Within { get; }
}
