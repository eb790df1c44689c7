using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes the condition of an <c>expression</c>/<c>expressionBatch</c> window as a nested
/// <c>WindowExpression</c> struct implementing the runtime's <c>IWindowExpression&lt;T&gt;</c>: it owns the
/// condition's aggregators (added for an arriving event, removed for a leaving one) and evaluates the condition
/// over the evaluated event (<c>current</c>) and the window's oldest and newest events (<c>first</c>, <c>last</c>).
/// The window holds it in a field and calls it through a struct constraint, so nothing boxes. A condition read from
/// a string attribute (<see cref="WindowExpressionSpec.IsDynamic"/>) becomes a struct that delegates to the runtime's
/// <c>DynamicWindowExpression&lt;T&gt;</c>, which parses, binds and interprets each new condition text.
/// </summary>
internal static class WindowExpressionEmitter
{
    /// <summary>The name of the nested struct, the window's second type argument.</summary>
    public const string TypeName = "WindowExpression";

    private const string Runtime = AppEmitter.Runtime;

    /// <summary>The <c>Evaluate</c> parameter holding <paramref name="windowEvent"/> (read by <see cref="ExpressionEmitter"/>).</summary>
    public static string EventName(WindowEvent windowEvent) => windowEvent == WindowEvent.First ? "first" : "last";

    /// <summary>
    /// Writes the struct's lines (indented relative to the operator class) into <paramref name="helpers"/> and
    /// returns the expression that constructs it in the operator's constructor.
    /// </summary>
    /// <param name="includeTriggeringEvent">The attribute holding <c>include.triggering.event</c>, when it is one.</param>
    public static string Build(WindowSpec window, StreamSpec input, AttributeRefSpec? includeTriggeringEvent, List<string> helpers)
    {
        var condition = window.Condition ?? throw new System.InvalidOperationException("Window '" + window.Name + "' has no compiled condition.");
        if (condition.IsDynamic)
        {
            return BuildDynamic(window, input, (AttributeRefSpec)condition.Condition, includeTriggeringEvent, helpers);
        }

        var e = $"{Runtime}.StreamEvent<{input.EventTypeName}>";
        var expressions = new ExpressionEmitter("current.Data", "current.Data", "this");
        var usesClock = SpecWalker.Descendants(condition.Condition)
            .Concat(condition.Aggregators.Where(a => a.Argument is not null).SelectMany(a => SpecWalker.Descendants(a.Argument!)))
            .Any(x => x is FunctionCallSpec { Name: "currentTimeMillis" });
        var needsConstructor = usesClock || condition.Aggregators.Any(a => !IsStruct(a));

        var w = new SourceWriter();
        w.WriteComment(window.Name + "('" + condition.Text + "'): the condition that decides which events the window keeps.");
        w.OpenBlock($"private struct {TypeName} : {Runtime}.IWindowExpression<{input.EventTypeName}>, {Runtime}.IStatePart");
        if (usesClock)
        {
            w.WriteLine($"private readonly {Runtime}.AppClock _clock;");
        }

        foreach (var aggregator in condition.Aggregators)
        {
            w.WriteLine($"private {AggregatorEmitter.TypeName(aggregator)} Aggregator{AppEmitter.Int(aggregator.Index)};");
        }

        if (needsConstructor)
        {
            w.WriteLine();
            w.OpenBlock($"public {TypeName}({(usesClock ? $"{Runtime}.AppClock clock" : string.Empty)})");
            if (usesClock)
            {
                w.WriteLine("_clock = clock;");
            }

            foreach (var aggregator in condition.Aggregators)
            {
                w.WriteLine($"Aggregator{AppEmitter.Int(aggregator.Index)} = new();");
            }

            w.CloseBlock();
        }

        if (condition.Aggregators.Count > 0 || usesClock)
        {
            w.WriteLine();
        }

        w.WriteSummary(condition.Aggregators.Count > 0
            ? "Adds current's values to the aggregators when it arrives (removes them when it leaves), then evaluates the condition."
            : "Evaluates the condition for current, with the window's oldest (first) and newest (last) events.");
        w.OpenBlock($"public bool Evaluate({Runtime}.EventKind kind, in {e} current, in {e} first, in {e} last)");
        if (condition.Aggregators.Count > 0)
        {
            w.OpenBlock($"if (kind == {Runtime}.EventKind.Current)");
            foreach (var aggregator in condition.Aggregators)
            {
                w.WriteLine($"Aggregator{AppEmitter.Int(aggregator.Index)}.Add({AggregatorEmitter.Argument(aggregator, expressions)});");
            }

            w.CloseBlock();
            w.WriteLine("else");
            w.OpenBlock();
            foreach (var aggregator in condition.Aggregators)
            {
                w.WriteLine($"Aggregator{AppEmitter.Int(aggregator.Index)}.Remove({AggregatorEmitter.Argument(aggregator, expressions)});");
            }

            w.CloseBlock();
            w.WriteLine();
        }

        w.WriteLine($"return {expressions.Condition(condition.Condition)};");
        w.CloseBlock();
        w.WriteLine();

        if (condition.Aggregators.Count > 0)
        {
            w.OpenBlock("public void Reset()");
            foreach (var aggregator in condition.Aggregators)
            {
                w.WriteLine($"Aggregator{AppEmitter.Int(aggregator.Index)}.Reset();");
            }

            w.CloseBlock();
        }
        else
        {
            w.OpenBlock("public readonly void Reset()");
            w.CloseBlock();
        }

        w.WriteLine();
        w.WriteLine("// Snapshot: the condition's aggregators.");
        w.OpenBlock($"public {(condition.Aggregators.Count > 0 ? string.Empty : "readonly ")}void WriteState({Runtime}.StateWriter writer)");
        foreach (var aggregator in condition.Aggregators)
        {
            w.WriteLine($"Aggregator{AppEmitter.Int(aggregator.Index)}.WriteState(writer);");
        }

        w.CloseBlock();
        w.WriteLine();
        w.OpenBlock($"public {(condition.Aggregators.Count > 0 ? string.Empty : "readonly ")}void ReadState({Runtime}.StateReader reader)");
        foreach (var aggregator in condition.Aggregators)
        {
            w.WriteLine($"Aggregator{AppEmitter.Int(aggregator.Index)}.ReadState(reader);");
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("// The condition is a constant: it never changes.");
        w.WriteLine($"public readonly bool HasChanged(in {e} e) => false;");
        w.WriteLine();
        if (includeTriggeringEvent is null)
        {
            w.WriteLine($"public readonly bool IncludeTriggeringEvent(in {e} e) => false;");
        }
        else
        {
            var property = input.Attributes.First(a => a.Name == includeTriggeringEvent.Name).PropertyName;
            w.WriteLine($"// include.triggering.event is read from each event's '{includeTriggeringEvent.Name}' attribute.");
            w.WriteLine($"public readonly bool IncludeTriggeringEvent(in {e} e) => e.Data.{property} == true;");
        }

        w.CloseBlock();

        helpers.AddRange(w.ToString().TrimEnd('\n').Split('\n'));
        return $"new {TypeName}({(usesClock ? "app.Clock" : string.Empty)})";
    }

    /// <summary>
    /// A condition read from a string attribute of each event: the struct delegates to the runtime's
    /// <c>DynamicWindowExpression&lt;T&gt;</c>, which parses and binds the text (with this generator's parser and binder,
    /// compiled into the runtime) whenever it changes, and interprets it.
    /// </summary>
    private static string BuildDynamic(WindowSpec window, StreamSpec input, AttributeRefSpec attribute, AttributeRefSpec? includeTriggeringEvent, List<string> helpers)
    {
        var t = input.EventTypeName;
        var e = $"{Runtime}.StreamEvent<{t}>";
        var w = new SourceWriter();
        w.WriteComment($"{window.Name}({attribute.Name}): each event carries the condition in '{attribute.Name}'; the runtime parses and binds it when it changes.");
        w.OpenBlock($"private readonly struct {TypeName} : {Runtime}.IWindowExpression<{t}>, {Runtime}.IStatePart");
        w.WriteLine($"private readonly {Runtime}.DynamicWindowExpression<{t}> _condition;");
        w.WriteLine();
        w.OpenBlock($"public {TypeName}({Runtime}.SiddhiApp app)");
        w.WriteLine($"_condition = new(app, {SourceWriter.StringLiteral(window.Name)}, {t}.Schema, static e => e.ToRow(), static e => e.{attribute.PropertyName});");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"public bool Evaluate({Runtime}.EventKind kind, in {e} current, in {e} first, in {e} last) => _condition.Evaluate(kind, in current, in first, in last);");
        w.WriteLine();
        w.WriteLine("public void Reset() => _condition.Reset();");
        w.WriteLine();
        w.WriteLine("// A new condition text is parsed here; one that does not compile is an error of the event carrying it.");
        w.WriteLine($"public bool HasChanged(in {e} e) => _condition.HasChanged(in e);");
        w.WriteLine();
        w.WriteLine("// Snapshot: the condition text in use and its aggregators.");
        w.WriteLine($"public void WriteState({Runtime}.StateWriter writer) => _condition.WriteState(writer);");
        w.WriteLine();
        w.WriteLine($"public void ReadState({Runtime}.StateReader reader) => _condition.ReadState(reader);");
        w.WriteLine();
        if (includeTriggeringEvent is null)
        {
            w.WriteLine($"public bool IncludeTriggeringEvent(in {e} e) => false;");
        }
        else
        {
            var property = input.Attributes.First(a => a.Name == includeTriggeringEvent.Name).PropertyName;
            w.WriteLine($"// include.triggering.event is read from each event's '{includeTriggeringEvent.Name}' attribute.");
            w.WriteLine($"public bool IncludeTriggeringEvent(in {e} e) => e.Data.{property} == true;");
        }

        w.CloseBlock();
        helpers.AddRange(w.ToString().TrimEnd('\n').Split('\n'));
        return $"new {TypeName}(app)";
    }

    /// <summary>True for the aggregators that are structs (their default value is ready to use); the others are classes.</summary>
    private static bool IsStruct(AggregatorSpec aggregator) =>
        aggregator.Name is not ("min" or "max" or "distinctCount" or "unionSet");
}
