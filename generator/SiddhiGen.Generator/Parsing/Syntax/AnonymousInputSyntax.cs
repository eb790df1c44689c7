using Microsoft.CodeAnalysis.Text;

namespace SiddhiGen.Generator.Parsing;

/// <summary>
/// A nested query as input: <c>from (from S ... [select ...] [output ...] return [events])</c>. It is in the
/// grammar only (Siddhi core cannot run it); the parser builds it and the binder rejects it.
/// </summary>
public sealed class AnonymousInputSyntax : InputSyntax
{
    public AnonymousInputSyntax(InputSyntax input, SelectorSyntax? selector, OutputRateSyntax? outputRate, OutputEventType? returnEventType, TextSpan span)
        : base(span)
    {
        Input = input;
        Selector = selector;
        OutputRate = outputRate;
        ReturnEventType = returnEventType;
    }

    public InputSyntax Input { get; }

    public SelectorSyntax? Selector { get; }

    public OutputRateSyntax? OutputRate { get; }

    /// <summary>The event type of <c>return [... events]</c>, or null.</summary>
    public OutputEventType? ReturnEventType { get; }
}
