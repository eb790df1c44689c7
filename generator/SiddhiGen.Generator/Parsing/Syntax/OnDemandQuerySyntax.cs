using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>The kinds of on-demand (store) queries.</summary>
public enum OnDemandQueryKind
{
    /// <summary><c>from T [on ...] [within ... per ...] [select ...]</c>.</summary>
    Find,

    /// <summary><c>select ... insert into T</c>.</summary>
    Insert,

    /// <summary><c>[select ...] delete T [on cond]</c>.</summary>
    Delete,

    /// <summary><c>[select ...] update T [set ...] on cond</c>.</summary>
    Update,

    /// <summary><c>select ... update or insert into T [set ...] on cond</c>.</summary>
    UpdateOrInsert,
}

/// <summary>
/// An on-demand query run with <c>runtime.query(...)</c>. A find has <see cref="Input"/> and no
/// <see cref="Output"/>; the other kinds have an <see cref="Output"/> (an <see cref="InsertIntoSyntax"/>,
/// <see cref="DeleteSyntax"/>, <see cref="UpdateSyntax"/> or <see cref="UpdateOrInsertSyntax"/>).
/// </summary>
public sealed class OnDemandQuerySyntax : SyntaxNode
{
    public OnDemandQuerySyntax(OnDemandQueryKind kind, StoreInputSyntax? input, SelectorSyntax? selector, OutputActionSyntax? output, TextSpan span)
        : base(span)
    {
        Kind = kind;
        Input = input;
        Selector = selector;
        Output = output;
    }

    public OnDemandQueryKind Kind { get; }

    /// <summary>The <c>from ...</c> part of a find, or null.</summary>
    public StoreInputSyntax? Input { get; }

    /// <summary>The <c>select</c> clause, or null (a find then returns all attributes).</summary>
    public SelectorSyntax? Selector { get; }

    /// <summary>The insert/delete/update action, or null for a find.</summary>
    public OutputActionSyntax? Output { get; }
}
