using System.Reflection;
using System.Runtime.Loader;
using SiddhiGen.Conformance.Compile;
using SiddhiGen.Generator;
using SiddhiGen.Runtime;
using SiddhiGen.Tool.Check;

namespace SiddhiGen.Tool.Run;

/// <summary>
/// One <c>.siddhi</c> file compiled in memory: the real generator, then Roslyn against the running
/// framework and the SiddhiGen runtime (the conformance runner's <see cref="BatchCompiler"/> and
/// <see cref="References"/>), loaded into the default context so it shares the tool's runtime types.
/// </summary>
public static class InMemoryApp
{
    /// <returns>The generated app type, or null after printing why it could not be built.</returns>
    public static Type? Compile(string path, TextWriter errors)
    {
        var result = SiddhiAppCompiler.Compile(path, File.ReadAllText(path), "SiddhiApps");
        foreach (var diagnostic in result.Diagnostics)
        {
            errors.WriteLine(CheckCommand.Format(path, diagnostic));
        }

        if (result.HasErrors || result.Source is null || result.AppTypeName is null)
        {
            return null;
        }

        var compiled = new BatchCompiler(References.All).Compile([new CompileUnit(0, path + ".g.cs", result.Source)], "SiddhiGen.InMemory." + Path.GetFileNameWithoutExtension(path));
        if (compiled.Image is null)
        {
            // The generator produced C# that does not compile: a generator bug, reported as such.
            errors.WriteLine($"{path}: error: the generated C# does not compile: {compiled.Failures.Values.FirstOrDefault()}");
            return null;
        }

        var assembly = AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(compiled.Image));
        var type = assembly.GetType(result.AppTypeName);
        if (type is null || !typeof(SiddhiApp).IsAssignableFrom(type))
        {
            errors.WriteLine($"{path}: error: the generated assembly has no app type '{result.AppTypeName}'");
            return null;
        }

        return type;
    }

    /// <summary>Calls <c>AddSiddhiApp&lt;TApp&gt;</c> for a type known only at run time.</summary>
    public static MethodInfo AddSiddhiAppFor(Type appType) =>
        typeof(SiddhiGen.Hosting.SiddhiHostingExtensions).GetMethod(nameof(SiddhiGen.Hosting.SiddhiHostingExtensions.AddSiddhiApp))!.MakeGenericMethod(appType);
}
