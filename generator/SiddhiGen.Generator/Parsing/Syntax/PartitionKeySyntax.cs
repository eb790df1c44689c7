using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>One <c>... of S</c> entry of <c>partition with (...)</c>.</summary>
public abstract class PartitionKeySyntax : SyntaxNode
{
    protected PartitionKeySyntax(IdentifierSyntax stream, TextSpan span)
        : base(span) => Stream = stream;

    /// <summary>The partitioned stream (after <c>of</c>).</summary>
    public IdentifierSyntax Stream { get; }
}

/// <summary>Value partition: <c>expr of S</c>; the key is the string value of <see cref="Expression"/>.</summary>
public sealed class ValuePartitionKeySyntax : PartitionKeySyntax
{
    public ValuePartitionKeySyntax(ExpressionSyntax expression, IdentifierSyntax stream, TextSpan span)
        : base(stream, span) => Expression = expression;

    public ExpressionSyntax Expression { get; }
}

/// <summary>Range partition: <c>cond1 as 'k1' or cond2 as 'k2' of S</c>.</summary>
public sealed class RangePartitionKeySyntax : PartitionKeySyntax
{
    public RangePartitionKeySyntax(ImmutableArray<RangePartitionConditionSyntax> ranges, IdentifierSyntax stream, TextSpan span)
        : base(stream, span) => Ranges = ranges;

    public ImmutableArray<RangePartitionConditionSyntax> Ranges { get; }
}

/// <summary>One <c>cond as 'label'</c> of a range partition.</summary>
public sealed class RangePartitionConditionSyntax : SyntaxNode
{
    public RangePartitionConditionSyntax(ExpressionSyntax condition, StringValueSyntax label, TextSpan span)
        : base(span)
    {
        Condition = condition;
        Label = label;
    }

    public ExpressionSyntax Condition { get; }

    public StringValueSyntax Label { get; }
}
