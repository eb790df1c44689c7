using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// Checks <c>#window.ns:name(...)</c> against a C# window's constructor: for a keyed window the leading attributes
/// form the key, then each constant argument must fit the next constructor parameter.
/// </summary>
internal static class ExtensionWindowBinder
{
    public static WindowSpec? Bind(BindingContext context, FunctionCallExpressionSyntax call, ExtensionWindowSpec window, List<ExpressionSpec> args)
    {
        var keys = window.Keyed ? args.TakeWhile(a => a is AttributeRefSpec).Count() : 0;
        var constants = args.Skip(keys).ToList();
        var fits = (!window.Keyed || keys > 0)
            && constants.Count >= window.RequiredParameters && constants.Count <= window.Parameters.Count
            && constants.Select((c, i) => Fits(window.Parameters[i], c)).All(x => x);
        if (!fits)
        {
            context.Report(DiagnosticDescriptors.WrongParameters, call.Span, "Window '" + call.FullName + "'", Expects(window));
            return null;
        }

        return new WindowSpec(call.FullName, new EquatableArray<ExpressionSpec>(args), null, window);
    }

    private static bool Fits(ExtensionParameterSpec parameter, ExpressionSpec argument)
    {
        if (argument is not ConstantSpec constant)
        {
            return false;
        }

        var to = parameter.Type.Type;
        return constant.Type == to
            || (to == AttributeType.Long && constant.Type == AttributeType.Int)
            || (to == AttributeType.Double && TypeRules.IsNumeric(constant.Type));
    }

    private static string Expects(ExtensionWindowSpec window)
    {
        var parts = new List<string>();
        if (window.Keyed)
        {
            parts.Add("one or more attributes (the key)");
        }

        for (var i = 0; i < window.Parameters.Count; i++)
        {
            var p = window.Parameters[i];
            parts.Add((i >= window.RequiredParameters ? "optionally " : string.Empty) + "a " + ExtensionFunctionSpec.Describe(p.Type) + " constant (" + p.Name + ")");
        }

        return parts.Count == 0 ? "no arguments" : string.Join(", then ", parts);
    }
}
