using System.Collections.Generic;
using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes what calls C# extensions: a function is a direct static call of the chosen overload (arguments widened
/// to its parameter types, no boxing where they are typed); an aggregator is its own type; a window its generic class.
/// </summary>
internal static class ExtensionEmitter
{
    public static string Call(ExtensionCallSpec call, ExpressionEmitter e)
    {
        var function = call.Function;
        var args = new List<string>();
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            var parameter = function.Parameters[System.Math.Min(i, function.Parameters.Count - 1)];
            args.Add(Widen(call.Arguments[i], parameter.Type, e.Emit(call.Arguments[i])));
        }

        var invocation = $"{function.ContainingType}.{function.Method}({string.Join(", ", args)})";

        // A non-nullable result still reads as a Siddhi value, which may be null.
        return function.Return.Nullable || function.Return.Type is AttributeType.String or AttributeType.Object
            ? invocation
            : $"(({TypeNames.Nullable(function.Return.Type)}){invocation})";
    }

    /// <summary>The argument as the parameter's C# type: a cast where the types differ, so the C# overload is the one the binder chose.</summary>
    public static string Widen(ExpressionSpec argument, ExtensionValueType parameter, string code)
    {
        if (argument.Type == parameter.Type)
        {
            return code;
        }

        if (parameter.Type == AttributeType.Object)
        {
            return $"(object?){ExpressionEmitter.Parenthesize(code)}";
        }

        var type = parameter.Nullable ? TypeNames.Nullable(parameter.Type) : TypeNames.Plain(parameter.Type);
        return $"({type}){ExpressionEmitter.Parenthesize(code)}";
    }

    /// <summary>The runtime type and constructor arguments of a C# window; keyed windows get a key accessor helper.</summary>
    public static WindowEmitter.WindowCode Window(WindowSpec window, ExtensionWindowSpec extension, StreamSpec input, System.Func<List<AttributeRefSpec>, List<string>, string> keySelector)
    {
        var e = input.EventTypeName;
        var helpers = new List<string>();
        var arguments = window.Arguments;
        var keys = extension.Keyed ? arguments.TakeWhile(a => a is AttributeRefSpec).Cast<AttributeRefSpec>().ToList() : new List<AttributeRefSpec>();
        var typeArguments = e;
        if (extension.Keyed)
        {
            helpers.Add($"// The key of {window.Name}: {string.Join(", ", keys.Select(k => k.Name))}.");
            typeArguments += ", " + keySelector(keys, helpers) + ", WindowKey";
        }

        var constructor = new List<string> { "app.Clock" };
        if (extension.UsesTimers)
        {
            constructor.Add("this");
        }

        var constants = arguments.Skip(keys.Count).Cast<ConstantSpec>().ToList();
        for (var i = 0; i < constants.Count; i++)
        {
            constructor.Add(Constant(constants[i], extension.Parameters[i].Type.Type));
        }

        return new WindowEmitter.WindowCode($"{extension.TypeName}<{typeArguments}>", string.Join(", ", constructor), extension.UsesTimers, helpers);
    }

    private static string Constant(ConstantSpec constant, AttributeType parameter) => parameter switch
    {
        AttributeType.String => SourceWriter.StringLiteral(constant.Value),
        AttributeType.Long => constant.Value + "L",
        AttributeType.Double => constant.Value + "D",
        AttributeType.Float => constant.Value + "F",
        _ => constant.Value,
    };
}
