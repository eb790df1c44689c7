using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// <c>name(args)</c> or <c>ns:name(args)</c>; also <c>count()</c> and <c>f(*)</c>. The same node is used
/// for stream functions, windows and a named window's window function. Names are case-sensitive.
/// </summary>
public sealed class FunctionCallExpressionSyntax : ExpressionSyntax
{
    public FunctionCallExpressionSyntax(IdentifierSyntax? @namespace, IdentifierSyntax name, ImmutableArray<ExpressionSyntax> arguments, bool isStar, TextSpan span)
        : base(span)
    {
        Namespace = @namespace;
        Name = name;
        Arguments = arguments;
        IsStar = isStar;
    }

    /// <summary>The extension namespace, or null for a core function.</summary>
    public IdentifierSyntax? Namespace { get; }

    public IdentifierSyntax Name { get; }

    /// <summary>The arguments (empty for <c>f()</c> and <c>f(*)</c>).</summary>
    public ImmutableArray<ExpressionSyntax> Arguments { get; }

    /// <summary>True for <c>f(*)</c>.</summary>
    public bool IsStar { get; }

    /// <summary><c>name</c> or <c>ns:name</c>.</summary>
    public string FullName => Namespace is null ? Name.Text : Namespace.Text + ":" + Name.Text;
}
