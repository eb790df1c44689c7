using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// The index of a collected pattern event: <c>[2]</c> (0-based, <see cref="IsLast"/> false,
/// <see cref="Value"/> 2), <c>[last]</c> (<see cref="IsLast"/> true, 0) or <c>[last-2]</c> (true, 2).
/// </summary>
public sealed class EventIndexSyntax : SyntaxNode
{
    public EventIndexSyntax(bool isLast, int value, TextSpan span)
        : base(span)
    {
        IsLast = isLast;
        Value = value;
    }

    public bool IsLast { get; }

    /// <summary>The position from the start, or the distance back from the last event when <see cref="IsLast"/>.</summary>
    public int Value { get; }
}
