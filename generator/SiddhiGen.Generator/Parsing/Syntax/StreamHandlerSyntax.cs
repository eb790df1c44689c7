using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// One step applied to an input stream: <see cref="FilterHandlerSyntax"/> (<c>[cond]</c>),
/// <see cref="StreamFunctionHandlerSyntax"/> (<c>#ns:fn(args)</c>) or <see cref="WindowHandlerSyntax"/>
/// (<c>#window.ns:name(args)</c>).
/// </summary>
public abstract class StreamHandlerSyntax : SyntaxNode
{
    protected StreamHandlerSyntax(TextSpan span)
        : base(span)
    {
    }
}

/// <summary>A filter <c>[cond]</c> (also written <c>#[cond]</c>).</summary>
public sealed class FilterHandlerSyntax : StreamHandlerSyntax
{
    public FilterHandlerSyntax(ExpressionSyntax condition, TextSpan span)
        : base(span) => Condition = condition;

    public ExpressionSyntax Condition { get; }
}

/// <summary>A stream function or processor <c>#fn(args)</c> / <c>#ns:fn(args)</c>.</summary>
public sealed class StreamFunctionHandlerSyntax : StreamHandlerSyntax
{
    public StreamFunctionHandlerSyntax(FunctionCallExpressionSyntax function, TextSpan span)
        : base(span) => Function = function;

    public FunctionCallExpressionSyntax Function { get; }
}

/// <summary>A window <c>#window.name(args)</c> / <c>#window.ns:name(args)</c>.</summary>
public sealed class WindowHandlerSyntax : StreamHandlerSyntax
{
    public WindowHandlerSyntax(FunctionCallExpressionSyntax function, TextSpan span)
        : base(span) => Function = function;

    /// <summary>The window function: its namespace, name and parameters.</summary>
    public FunctionCallExpressionSyntax Function { get; }
}
