using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>Writes calls of built-in functions: plain C# where it has the same meaning, the runtime's helpers elsewhere.</summary>
internal static class FunctionEmitter
{
    private const string Functions = "global::SiddhiGen.Runtime.SiddhiFunctions";

    public static string Emit(FunctionCallSpec f, ExpressionEmitter e)
    {
        var args = f.Arguments.Select(e.Emit).ToList();
        switch (f.Name)
        {
            case "coalesce":
                return string.Join(" ?? ", args.Select(ExpressionEmitter.Parenthesize));
            case "default":
                return $"{ExpressionEmitter.Parenthesize(Widen(f.Arguments[0], f.Type, args[0]))} ?? {ExpressionEmitter.Parenthesize(Widen(f.Arguments[1], f.Type, args[1]))}";
            case "ifThenElse":
                // Lazy, as in Siddhi: only the chosen branch is evaluated.
                return $"{ExpressionEmitter.Parenthesize(e.Condition(f.Arguments[0]))} ? {Nullable(f.Arguments[1], args[1])} : {Nullable(f.Arguments[2], args[2])}";
            case "maximum":
            case "minimum":
                return $"{Functions}.{(f.Name == "maximum" ? "Maximum" : "Minimum")}<{TypeNames.Plain(f.Type)}>({string.Join(", ", args)})";
            case "convert":
                return $"{Functions}.ConvertTo{Suffix(f.Type)}({Box(f.Arguments[0], args[0])})";
            case "cast":
                return f.Type == AttributeType.String
                    ? $"{Functions}.CastToString({Box(f.Arguments[0], args[0])})"
                    : $"{Functions}.Cast<{TypeNames.Plain(f.Type)}>({Box(f.Arguments[0], args[0])})";
            case "instanceOfBoolean":
                return $"{ExpressionEmitter.Parenthesize(args[0])} is bool";
            case "instanceOfDouble":
                return $"{ExpressionEmitter.Parenthesize(args[0])} is double";
            case "instanceOfFloat":
                return $"{ExpressionEmitter.Parenthesize(args[0])} is float";
            case "instanceOfInteger":
                return $"{ExpressionEmitter.Parenthesize(args[0])} is int";
            case "instanceOfLong":
                return $"{ExpressionEmitter.Parenthesize(args[0])} is long";
            case "instanceOfString":
                return $"{ExpressionEmitter.Parenthesize(args[0])} is string";
            case "UUID":
                return $"{Functions}.Uuid()";
            case "currentTimeMillis":
                return "_clock.Now";
            case "eventTimestamp":
                return e.Event + ".Timestamp";
            case "createSet":
                return $"{Functions}.CreateSet({Box(f.Arguments[0], args[0])})";
            case "sizeOfSet":
                return $"{Functions}.SizeOfSet({args[0]})";
            default:
                throw new System.InvalidOperationException("Function '" + f.Name + "' has no emitter.");
        }
    }

    private static string Suffix(AttributeType type) => type switch
    {
        AttributeType.Bool => "Bool",
        AttributeType.String => "String",
        _ => type.ToString(),
    };

    /// <summary>A constant as a nullable value, so both branches of a conditional have one type.</summary>
    private static string Nullable(ExpressionSpec spec, string code) =>
        spec is ConstantSpec && spec.Type != AttributeType.String ? $"({TypeNames.Nullable(spec.Type)}){ExpressionEmitter.Parenthesize(code)}" : code;

    private static string Widen(ExpressionSpec spec, AttributeType type, string code) =>
        spec.Type == type ? code : $"({TypeNames.Nullable(type)}){ExpressionEmitter.Parenthesize(code)}";

    private static string Box(ExpressionSpec spec, string code) => $"(object?){ExpressionEmitter.Parenthesize(code)}";
}
