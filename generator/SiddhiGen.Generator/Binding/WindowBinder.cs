using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Binds <c>#window.name(args)</c>: the window must exist, and its arguments must match one of its
/// overloads in Siddhi 5.1 (constants where Siddhi wants constants, attributes where it reads them).
/// </summary>
internal sealed class WindowBinder
{
    private readonly BindingContext _context;
    private readonly ExpressionBinder _expressions;

    public WindowBinder(BindingContext context, ExpressionBinder expressions)
    {
        _context = context;
        _expressions = expressions;
    }

    public WindowSpec? Bind(FunctionCallExpressionSyntax call, ExpressionScope scope)
    {
        var name = call.Name.Text;
        if (call.Namespace is not null && _context.Extensions.Windows.FirstOrDefault(w => w.FullName == call.FullName) is { } extension)
        {
            var extensionArguments = BindArguments(call, scope);
            return extensionArguments is null ? null : ExtensionWindowBinder.Bind(_context, call, extension, extensionArguments);
        }

        if (call.Namespace is not null || !BuiltIns.Windows.Contains(name))
        {
            _context.Report(DiagnosticDescriptors.UnknownWindow, call.Name.Span, call.FullName);
            return null;
        }

        if (!BuiltIns.SupportedWindows.Contains(name))
        {
            _context.NotSupported("window '" + name + "'", call.Span);
            return null;
        }

        var arguments = BindArguments(call, scope);
        if (arguments is null)
        {
            return null;
        }

        if (!Matches(name, arguments, out var expects))
        {
            _context.Report(DiagnosticDescriptors.WrongParameters, call.Span, "Window '" + name + "'", expects);
            return null;
        }

        WindowExpressionSpec? condition = null;
        if (WindowExpressionBinder.Handles(name))
        {
            condition = new WindowExpressionBinder(_context, _expressions).Bind(call, arguments, scope);
            if (condition is null)
            {
                return null;
            }
        }

        return new WindowSpec(name, new EquatableArray<ExpressionSpec>(arguments), condition);
    }

    private List<ExpressionSpec>? BindArguments(FunctionCallExpressionSyntax call, ExpressionScope scope)
    {
        var arguments = new List<ExpressionSpec>();
        foreach (var argument in call.Arguments)
        {
            var bound = _expressions.Bind(argument, scope);
            if (bound is null)
            {
                return null;
            }

            arguments.Add(bound);
        }

        return arguments;
    }

    private static bool Matches(string name, List<ExpressionSpec> a, out string expects)
    {
        switch (name)
        {
            case "length":
                expects = "one int constant (the number of events)";
                return a.Count == 1 && IsCount(a[0]);
            case "lengthBatch":
                expects = "an int constant (the number of events) and optionally a bool constant (stream.current.event)";
                return a.Count is 1 or 2 && IsCount(a[0]) && (a.Count == 1 || IsConstant(a[1], AttributeType.Bool));
            case "time":
            case "delay":
                expects = "one time constant (a window length such as 1 sec, or milliseconds as int or long)";
                return a.Count == 1 && IsTime(a[0]);
            case "timeBatch":
                expects = "a time constant, optionally a start.time (int or long constant) and a stream.current.event (bool constant)";
                return a.Count is >= 1 and <= 3 && IsTime(a[0])
                    && (a.Count == 1 || IsTime(a[1]) || (a.Count == 2 && IsConstant(a[1], AttributeType.Bool)))
                    && (a.Count < 3 || IsConstant(a[2], AttributeType.Bool));
            case "timeLength":
                expects = "a time constant and an int constant (the number of events)";
                return a.Count == 2 && IsTime(a[0]) && IsCount(a[1]);
            case "externalTime":
                expects = "a long timestamp attribute and a time constant";
                return a.Count == 2 && IsLongAttribute(a[0]) && IsTime(a[1]);
            case "externalTimeBatch":
                expects = "a long timestamp attribute, a time constant, and optionally a start.time (constant or long attribute), a timeout (time constant) and replace.with.batchtime (bool constant)";
                return a.Count is >= 2 and <= 5 && IsLongAttribute(a[0]) && IsTime(a[1])
                    && (a.Count < 3 || IsTime(a[2]) || IsLongAttribute(a[2]))
                    && (a.Count < 4 || IsTime(a[3]))
                    && (a.Count < 5 || IsConstant(a[4], AttributeType.Bool));
            case "batch":
                expects = "optionally an int constant (the largest batch)";
                return a.Count == 0 || (a.Count == 1 && IsCount(a[0]));
            case "sort":
                expects = "an int constant (the number of events), then attributes to sort by, each optionally followed by 'asc' or 'desc'";
                return a.Count >= 2 && IsCount(a[0]) && a[1] is AttributeRefSpec && SortKeysValid(a);
            case "frequent":
                expects = "an int constant (the number of most frequent events), then optionally the attributes forming the key";
                return a.Count >= 1 && IsCount(a[0]) && a.Skip(1).All(x => x is AttributeRefSpec);
            case "lossyFrequent":
                expects = "a double support threshold, optionally a double error bound, then optionally the attributes forming the key";
                return a.Count >= 1 && IsConstant(a[0], AttributeType.Double)
                    && (a.Count < 2 || IsConstant(a[1], AttributeType.Double) || a[1] is AttributeRefSpec)
                    && a.Skip(2).All(x => x is AttributeRefSpec);
            case "session":
                expects = "a session gap (time constant), optionally a string key attribute, and after the key an allowed latency (time constant)";
                return a.Count is >= 1 and <= 3 && IsTime(a[0])
                    && (a.Count < 2 || a[1] is AttributeRefSpec { Type: AttributeType.String })
                    && (a.Count < 3 || IsTime(a[2]));
            case "expression":
            case "expressionBatch":
                return WindowExpressionBinder.Matches(name, a, out expects);
            case "cron":
                expects = "one string constant (a cron expression with a seconds field)";
                return a.Count == 1 && IsConstant(a[0], AttributeType.String);
            default:
                expects = "its documented parameters";
                return false;
        }
    }

    private static bool SortKeysValid(List<ExpressionSpec> a)
    {
        for (var i = 1; i < a.Count; i++)
        {
            if (a[i] is AttributeRefSpec)
            {
                continue;
            }

            if (a[i] is ConstantSpec { Type: AttributeType.String } order && a[i - 1] is AttributeRefSpec
                && (order.Value.ToLowerInvariant() is "asc" or "desc"))
            {
                continue;
            }

            return false;
        }

        return true;
    }

    private static bool IsConstant(ExpressionSpec e, AttributeType type) => e is ConstantSpec c && c.Type == type;

    private static bool IsCount(ExpressionSpec e) => e is ConstantSpec { Type: AttributeType.Int } c && !c.Value.StartsWith("-", System.StringComparison.Ordinal);

    private static bool IsTime(ExpressionSpec e) => e is ConstantSpec { Type: AttributeType.Int or AttributeType.Long } c && !c.Value.StartsWith("-", System.StringComparison.Ordinal);

    private static bool IsLongAttribute(ExpressionSpec e) => e is AttributeRefSpec { Type: AttributeType.Long };
}
