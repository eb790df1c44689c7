using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// A string literal where the grammar wants a plain string (annotation values and string keys, trigger
/// <c>at '...'</c>, range-partition labels). Quotes are stripped; SiddhiQL strings have no escapes.
/// A bare <c>${NAME}</c> placeholder in such a place is kept with <see cref="IsPlaceholder"/> set and
/// <see cref="Value"/> holding <c>NAME</c>, for the binder to substitute.
/// </summary>
public sealed class StringValueSyntax : SyntaxNode
{
    public StringValueSyntax(string value, bool isPlaceholder, TextSpan span)
        : base(span)
    {
        Value = value;
        IsPlaceholder = isPlaceholder;
    }

    /// <summary>The text between the quotes (or the placeholder's variable name).</summary>
    public string Value { get; }

    /// <summary>True for a bare <c>${NAME}</c> placeholder instead of a quoted string.</summary>
    public bool IsPlaceholder { get; }

    public override string ToString() => Value;
}
