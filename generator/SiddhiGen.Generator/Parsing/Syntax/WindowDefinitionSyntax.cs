using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary><c>define window W (a type, ...) ns:fn(args) [output (all|current|expired) events]</c>.</summary>
public sealed class WindowDefinitionSyntax : DefinitionSyntax
{
    public WindowDefinitionSyntax(
        ImmutableArray<AnnotationSyntax> annotations,
        IdentifierSyntax name,
        ImmutableArray<AttributeDefinitionSyntax> attributes,
        FunctionCallExpressionSyntax window,
        OutputEventType? outputEventType,
        TextSpan span)
        : base(annotations, name, span)
    {
        Attributes = attributes;
        Window = window;
        OutputEventType = outputEventType;
    }

    /// <summary>The attributes in schema order.</summary>
    public ImmutableArray<AttributeDefinitionSyntax> Attributes { get; }

    /// <summary>The window function, e.g. <c>length(10)</c> or <c>ns:myWindow(a, 1 sec)</c>.</summary>
    public FunctionCallExpressionSyntax Window { get; }

    /// <summary>The <c>output ... events</c> clause, or null (Siddhi's default is all events).</summary>
    public OutputEventType? OutputEventType { get; }
}
