using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Checks a call of a C# extension function (<c>str:concat(a, b)</c>) against the overloads the catalogue holds and
/// picks one the way Java's extension loader would accept it: exact types first, else the fewest numeric widenings.
/// </summary>
internal static class ExtensionCallBinder
{
    /// <summary>Returns the bound call, or null after reporting SIDDHI039 (no overload fits) at the call.</summary>
    public static ExpressionSpec? Bind(BindingContext context, FunctionCallExpressionSyntax call, IReadOnlyList<ExtensionFunctionSpec> overloads, List<ExpressionSpec> args)
    {
        ExtensionFunctionSpec? best = null;
        var bestCost = int.MaxValue;
        foreach (var overload in overloads)
        {
            var cost = Cost(overload.Parameters, args);
            if (cost < bestCost)
            {
                best = overload;
                bestCost = cost;
            }
        }

        if (best is null)
        {
            context.Report(DiagnosticDescriptors.WrongParameters, call.Span, "Function '" + call.FullName + "'", Expects(overloads));
            return null;
        }

        return new ExtensionCallSpec(best.Return.Type, best, new EquatableArray<ExpressionSpec>(args));
    }

    /// <summary>The unknown-function hint: the names the namespace has, or the namespaces there are.</summary>
    public static string UnknownHint(ExtensionCatalog catalog, string ns)
    {
        var names = catalog.NamesIn(ns);
        if (names.Count > 0)
        {
            return "; namespace '" + ns + "' has " + string.Join(", ", names);
        }

        var namespaces = catalog.Functions.Select(f => f.Namespace).Concat(catalog.Aggregators.Select(a => a.Namespace))
            .Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToList();
        return namespaces.Count == 0
            ? "; no extension library is referenced (add a reference to SiddhiGen.Extensions or write a [SiddhiFunction] method)"
            : "; no referenced extension defines namespace '" + ns + "' (known namespaces: " + string.Join(", ", namespaces) + ")";
    }

    /// <summary>How well <paramref name="args"/> fit: 0 exact, more per widening or boxing, <see cref="int.MaxValue"/> when they do not.</summary>
    internal static int Cost(EquatableArray<ExtensionParameterSpec> parameters, IReadOnlyList<ExpressionSpec> args)
    {
        var hasParams = parameters.Count > 0 && parameters[parameters.Count - 1].IsParams;
        var fixedCount = hasParams ? parameters.Count - 1 : parameters.Count;
        if (args.Count < fixedCount || (!hasParams && args.Count > fixedCount))
        {
            return int.MaxValue;
        }

        var total = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var parameter = parameters[System.Math.Min(i, parameters.Count - 1)];
            var cost = ArgumentCost(parameter, args[i]);
            if (cost == int.MaxValue)
            {
                return int.MaxValue;
            }

            total += cost;
        }

        return total;
    }

    private static int ArgumentCost(ExtensionParameterSpec parameter, ExpressionSpec arg)
    {
        if (parameter.Constant && arg is not ConstantSpec)
        {
            return int.MaxValue;
        }

        var from = arg.Type;
        var to = parameter.Type.Type;
        if (from == to)
        {
            return 0;
        }

        if (to == AttributeType.Object)
        {
            return 8; // boxing: any typed overload is better
        }

        return TypeRules.IsNumeric(from) && TypeRules.IsNumeric(to) && to > from ? (int)to - (int)from : int.MaxValue;
    }

    private static string Expects(IReadOnlyList<ExtensionFunctionSpec> overloads) =>
        string.Join(" or ", overloads.Select(o => "(" + string.Join(", ", o.Parameters.Select(Describe)) + ")")) + " (arguments of these types, numbers widening int → long → float → double)";

    private static string Describe(ExtensionParameterSpec p) =>
        (p.Constant ? "constant " : string.Empty) + ExtensionFunctionSpec.Describe(p.Type) + (p.IsParams ? "..." : string.Empty) + " " + p.Name;
}
