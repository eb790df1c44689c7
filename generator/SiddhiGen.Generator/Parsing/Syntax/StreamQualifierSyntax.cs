using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// The stream part of a qualified reference: <c>[#|!]name[index][#fn[index]]</c>, e.g. <c>S</c>,
/// <c>e1[last-1]</c>, <c>#Inner</c>, <c>!S</c>, <c>S#fn</c>. <c>name</c> is a stream id, a join alias or
/// a pattern event alias.
/// </summary>
public sealed class StreamQualifierSyntax : SyntaxNode
{
    public StreamQualifierSyntax(
        IdentifierSyntax name,
        bool isInner,
        bool isFault,
        EventIndexSyntax? index,
        IdentifierSyntax? function,
        EventIndexSyntax? functionIndex,
        TextSpan span)
        : base(span)
    {
        Name = name;
        IsInner = isInner;
        IsFault = isFault;
        Index = index;
        Function = function;
        FunctionIndex = functionIndex;
    }

    public IdentifierSyntax Name { get; }

    /// <summary>Written <c>#name</c>.</summary>
    public bool IsInner { get; }

    /// <summary>Written <c>!name</c>.</summary>
    public bool IsFault { get; }

    /// <summary>The <c>[0]</c>, <c>[last]</c>, <c>[last-2]</c> after the name, or null.</summary>
    public EventIndexSyntax? Index { get; }

    /// <summary>The <c>fn</c> of <c>S#fn.a</c>, or null.</summary>
    public IdentifierSyntax? Function { get; }

    /// <summary>The index after <c>#fn</c>, or null.</summary>
    public EventIndexSyntax? FunctionIndex { get; }
}
