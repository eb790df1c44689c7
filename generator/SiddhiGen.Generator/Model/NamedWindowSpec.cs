namespace SiddhiGen.Generator.Model;

/// <summary>
/// <c>define window W (...) fn(args) output ... events</c>: events inserted into W pass through the
/// window; queries reading W see what it emits (current, expired and reset events, as chosen).
/// </summary>
public sealed record NamedWindowSpec(string Name, string OperatorName, string Text, WindowSpec Window, OutputEventType OutputType);
