using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>Calls with a namespace (<c>str:concat(...)</c>, <c>custom:myAvg(x)</c>): extensions written in C#.</summary>
internal sealed partial class ExpressionBinder
{
    private ExpressionSpec? BindExtensionCall(FunctionCallExpressionSyntax call, ExpressionScope scope)
    {
        var catalog = _context.Extensions;
        var fullName = call.FullName;
        var aggregator = catalog.Aggregators.FirstOrDefault(a => a.FullName == fullName);
        if (aggregator is not null)
        {
            return BindExtensionAggregator(call, aggregator, scope);
        }

        var overloads = catalog.FunctionsNamed(fullName).ToList();
        if (overloads.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.UnknownFunction, call.Span, fullName, ExtensionCallBinder.UnknownHint(catalog, call.Namespace!.Text));
            return null;
        }

        var arguments = BindArguments(call, scope);
        return arguments is null ? null : ExtensionCallBinder.Bind(_context, call, overloads, arguments);
    }

    private ExpressionSpec? BindExtensionAggregator(FunctionCallExpressionSyntax call, ExtensionAggregatorSpec extension, ExpressionScope scope)
    {
        var name = call.FullName;
        if (scope.Aggregators is null)
        {
            _context.Report(DiagnosticDescriptors.AggregatorNotAllowed, call.Span, name, scope.Place);
            return null;
        }

        var arguments = BindArguments(call, scope.WithPlace("argument of '" + name + "'"));
        if (arguments is null)
        {
            return null;
        }

        var parameter = new ExtensionParameterSpec("value", extension.Argument, Constant: !extension.Argument.Nullable, IsParams: false);
        if (ExtensionCallBinder.Cost(new EquatableArray<ExtensionParameterSpec>(new[] { parameter }), arguments) == int.MaxValue)
        {
            _context.Report(DiagnosticDescriptors.WrongParameters, call.Span, "Aggregator '" + name + "'", "one " + ExtensionFunctionSpec.Describe(extension.Argument) + " argument");
            return null;
        }

        var spec = new AggregatorSpec(scope.Aggregators.Count, name, arguments[0], extension.Result.Type, extension);
        scope.Aggregators.Add(spec);
        return new AggregateRefSpec(extension.Result.Type, spec.Index);
    }

    /// <summary>The bound arguments of <paramref name="call"/> (every input attribute for <c>f(*)</c>), or null after an error.</summary>
    private List<ExpressionSpec>? BindArguments(FunctionCallExpressionSyntax call, ExpressionScope scope)
    {
        var arguments = new List<ExpressionSpec>();
        if (call.IsStar)
        {
            arguments.AddRange(scope.Sources.SelectMany(source => source.Stream.Attributes.Select(a => ExpressionScope.Reference(source, a))));
        }

        foreach (var argument in call.Arguments)
        {
            var bound = Bind(argument, scope);
            if (bound is null)
            {
                return null;
            }

            arguments.Add(bound);
        }

        return arguments;
    }
}
