using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// <c>select (* | expr [as name], ...) [group by a, ...] [having cond] [order by a [asc|desc], ...] [limit n] [offset n]</c>.
/// </summary>
public sealed class SelectorSyntax : SyntaxNode
{
    public SelectorSyntax(
        bool isSelectAll,
        ImmutableArray<OutputAttributeSyntax> attributes,
        ImmutableArray<AttributeReferenceExpressionSyntax> groupBy,
        ExpressionSyntax? having,
        ImmutableArray<OrderByItemSyntax> orderBy,
        ExpressionSyntax? limit,
        ExpressionSyntax? offset,
        TextSpan span)
        : base(span)
    {
        IsSelectAll = isSelectAll;
        Attributes = attributes;
        GroupBy = groupBy;
        Having = having;
        OrderBy = orderBy;
        Limit = limit;
        Offset = offset;
    }

    /// <summary>True for <c>select *</c> (then <see cref="Attributes"/> is empty).</summary>
    public bool IsSelectAll { get; }

    /// <summary>The projected expressions, in order.</summary>
    public ImmutableArray<OutputAttributeSyntax> Attributes { get; }

    /// <summary>The <c>group by</c> attributes (empty when absent).</summary>
    public ImmutableArray<AttributeReferenceExpressionSyntax> GroupBy { get; }

    public ExpressionSyntax? Having { get; }

    /// <summary>The <c>order by</c> items (empty when absent).</summary>
    public ImmutableArray<OrderByItemSyntax> OrderBy { get; }

    public ExpressionSyntax? Limit { get; }

    public ExpressionSyntax? Offset { get; }
}
