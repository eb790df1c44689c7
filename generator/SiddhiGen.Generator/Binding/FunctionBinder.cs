using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Diagnostics;
using SiddhiGen.Generator.Model;
using SiddhiGen.Generator.Parsing;

namespace SiddhiGen.Generator.Binding;

/// <summary>Types calls of Siddhi's built-in functions (feature catalog section 4) and checks their arguments.</summary>
internal static class FunctionBinder
{
    private static readonly Dictionary<string, AttributeType> s_typeNames = new()
    {
        ["int"] = AttributeType.Int,
        ["long"] = AttributeType.Long,
        ["float"] = AttributeType.Float,
        ["double"] = AttributeType.Double,
        ["bool"] = AttributeType.Bool,
        ["string"] = AttributeType.String,
    };

    /// <summary>Returns the bound call, or null after reporting what is wrong with it.</summary>
    public static ExpressionSpec? Bind(BindingContext context, FunctionCallExpressionSyntax call, List<ExpressionSpec> args)
    {
        var name = call.Name.Text;
        string expects;
        switch (name)
        {
            case "coalesce":
            case "maximum":
            case "minimum":
                expects = name == "coalesce" ? "one or more arguments of the same type" : "one or more numeric arguments of the same type";
                if (args.Count >= 1 && args.All(a => a.Type == args[0].Type) && (name == "coalesce" || TypeRules.IsNumeric(args[0].Type)))
                {
                    return Call(args[0].Type, name, args);
                }

                break;

            case "default":
                expects = "an attribute and a constant default value of the same type";
                if (args.Count == 2 && args[1] is ConstantSpec && args[0].Type == args[1].Type)
                {
                    return Call(args[0].Type, name, args);
                }

                break;

            case "ifThenElse":
                expects = "a bool condition and two values of the same type";
                if (args.Count == 3 && args[0].Type == AttributeType.Bool && args[1].Type == args[2].Type)
                {
                    return Call(args[1].Type, name, args);
                }

                break;

            case "convert":
            case "cast":
                expects = "a value and a constant type name ('int', 'long', 'float', 'double', 'bool' or 'string')";
                if (args.Count == 2 && args[1] is ConstantSpec { Type: AttributeType.String } typeName
                    && s_typeNames.TryGetValue(typeName.Value.ToLowerInvariant(), out var target))
                {
                    if (name == "convert" && args[0].Type == AttributeType.Object && target != AttributeType.String)
                    {
                        expects = "a value that is not an object when converting to " + typeName.Value + " (an object converts only to 'string')";
                        break;
                    }

                    return Call(target, name, args.Take(1));
                }

                break;

            case "instanceOfBoolean":
            case "instanceOfDouble":
            case "instanceOfFloat":
            case "instanceOfInteger":
            case "instanceOfLong":
            case "instanceOfString":
                expects = "one argument";
                if (args.Count == 1)
                {
                    return Call(AttributeType.Bool, name, args);
                }

                break;

            case "UUID":
                expects = "no arguments";
                if (args.Count == 0)
                {
                    return Call(AttributeType.String, name, args);
                }

                break;

            case "currentTimeMillis":
            case "eventTimestamp":
                expects = "no arguments";
                if (args.Count == 0)
                {
                    return Call(AttributeType.Long, name, args);
                }

                break;

            case "createSet":
                expects = "one argument of type int, long, float, double, string or bool";
                if (args.Count == 1 && args[0].Type != AttributeType.Object)
                {
                    return Call(AttributeType.Object, name, args);
                }

                break;

            case "sizeOfSet":
                expects = "one object argument (a set)";
                if (args.Count == 1 && args[0].Type == AttributeType.Object)
                {
                    return Call(AttributeType.Int, name, args);
                }

                break;

            default:
                context.Report(DiagnosticDescriptors.UnknownFunction, call.Name.Span, name, string.Empty);
                return null;
        }

        context.Report(DiagnosticDescriptors.WrongParameters, call.Span, "Function '" + name + "'", expects);
        return null;
    }

    private static FunctionCallSpec Call(AttributeType type, string name, IEnumerable<ExpressionSpec> args) =>
        new(type, name, new EquatableArray<ExpressionSpec>(args));
}
