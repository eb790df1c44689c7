using System.Linq;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes <c>define function f[javascript] return T { ... }</c>: one <c>JavaScriptFunction</c> per function in a file-local
/// holder class (compiled when the app is created), and each call as a typed invoke whose arguments become the
/// script's <c>data</c> array.
/// </summary>
internal static class ScriptEmitter
{
    public const string HolderName = "ScriptFunctions";

    public static string Call(ScriptCallSpec call, ExpressionEmitter e)
    {
        var args = call.Arguments.Select(a => "(object?)" + ExpressionEmitter.Parenthesize(e.Emit(a)));
        return $"{HolderName}.{FieldName(call.Function)}.Invoke{Suffix(call.Type)}({string.Join(", ", args)})";
    }

    /// <summary>The holder class, after the app class in the same file.</summary>
    public static void EmitHolder(SourceWriter w, AppSpec app)
    {
        if (app.Functions.IsEmpty)
        {
            return;
        }

        w.WriteLine();
        w.WriteSummary("The app's script functions, compiled once (a syntax error fails the app's creation).");
        w.OpenBlock($"file static class {HolderName}");
        foreach (var function in app.Functions)
        {
            w.WriteComment($"define function {function.Name}[{function.Language}] return {function.ReturnType.ToString().ToLowerInvariant()}");
            w.WriteLine($"public static readonly global::SiddhiGen.Scripting.JavaScriptFunction {FieldName(function.Name)} = new({SourceWriter.StringLiteral(function.Name)}, {SourceWriter.StringLiteral(function.Body)});");
        }

        w.WriteLine();
        w.WriteComment("An explicit static constructor: the first call of EnsureCompiled runs the initializers above.");
        w.WriteLine($"static {HolderName}() {{ }}");
        w.WriteLine();
        w.WriteSummary("Compiles every function now, not at its first call.");
        w.WriteLine("public static void EnsureCompiled() { }");
        w.CloseBlock();
    }

    /// <summary>The app constructor's line that compiles the scripts up front.</summary>
    public static void EmitEnsureCompiled(SourceWriter w, AppSpec app)
    {
        if (!app.Functions.IsEmpty)
        {
            w.WriteLine($"{HolderName}.EnsureCompiled(); // script functions compile when the app is created");
        }
    }

    private static string FieldName(string function) => "Function_" + function;

    private static string Suffix(AttributeType type) => type switch
    {
        AttributeType.Bool => "Bool",
        _ => type.ToString(),
    };
}
