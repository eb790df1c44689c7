using System.Collections.Generic;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// The parts of expression binding that need the app's definitions: <c>cond in T</c> (tables), calls of
/// script functions (<c>define function</c>) and <c>eventTimestamp(event)</c>.
/// </summary>
internal sealed partial class ExpressionBinder
{
    /// <summary>The app's definitions, for <c>in</c> and script functions; null where they cannot appear (window parameters).</summary>
    public AppSymbols? Symbols { get; init; }

    /// <summary>The context diagnostics go to (stores and patterns report through it).</summary>
    public BindingContext Context => _context;

    /// <summary>
    /// <c>cond in T</c>: <c>T.attr</c> names the table's row, every other name means what it means around the
    /// <c>in</c> (Siddhi compiles the condition with the enclosing input as the current event).
    /// </summary>
    private ExpressionSpec? BindIn(InExpressionSyntax syntax, ExpressionScope scope)
    {
        var name = syntax.Table.Text;
        if (Symbols is null)
        {
            return Unsupported("'in' table condition", syntax);
        }

        if (!Symbols.Tables.TryGetValue(name, out var table))
        {
            _context.Report(DiagnosticDescriptors.NotATable, syntax.Table.Span, name, "'in'");
            return null;
        }

        var inScope = StoreScope.AroundInput(this, scope, table, name, "condition of 'in'");
        var condition = BindCondition(syntax.Condition, inScope);
        if (condition is null)
        {
            return null;
        }

        return new InTableSpec(name, condition, table.IsStore);
    }

    /// <summary>
    /// <c>eventTimestamp(e)</c>: Siddhi's only overload with an argument takes an event (<c>object</c>), such as a
    /// pattern event <c>e1</c>; anything else, like a string attribute, is an error.
    /// </summary>
    private ExpressionSpec? BindEventTimestamp(FunctionCallExpressionSyntax call, ExpressionScope scope)
    {
        var arguments = new List<ExpressionSpec>();
        foreach (var argument in call.Arguments)
        {
            var bound = Bind(argument, scope);
            if (bound is null)
            {
                return null;
            }

            arguments.Add(bound);
        }

        if (arguments.Count != 1 || arguments[0].Type != AttributeType.Object)
        {
            _context.Report(DiagnosticDescriptors.WrongParameters, call.Span, "Function 'eventTimestamp'", "no arguments, or one event (an object, such as a pattern event 'e1')");
            return null;
        }

        if (arguments[0] is not StateEventRefSpec)
        {
            // An object attribute is accepted by Siddhi and fails per event unless it holds an event.
            return Unsupported("eventTimestamp of an object attribute", call);
        }

        return new FunctionCallSpec(AttributeType.Long, "eventTimestamp", new EquatableArray<ExpressionSpec>(arguments));
    }

    /// <summary>A call of a script function defined in the app (it shadows a built-in of the same name).</summary>
    private bool TryBindScriptCall(FunctionCallExpressionSyntax call, ExpressionScope scope, out ExpressionSpec? bound)
    {
        bound = null;
        if (Symbols is null || call.Namespace is not null || !Symbols.ScriptFunctions.TryGetValue(call.Name.Text, out var function))
        {
            return false;
        }

        var arguments = new List<ExpressionSpec>();
        foreach (var argument in call.Arguments)
        {
            var argumentBound = Bind(argument, scope);
            if (argumentBound is null)
            {
                return true;
            }

            arguments.Add(argumentBound);
        }

        bound = new ScriptCallSpec(function.ReturnType, function.Name, new EquatableArray<ExpressionSpec>(arguments));
        return true;
    }
}
