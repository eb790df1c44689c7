using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SiddhiGen.Runtime;

namespace SiddhiGen.Generator.Tests;

/// <summary>
/// Compiles a SiddhiQL app through the real generator and Roslyn in memory, and loads it into a
/// collectible context, as the Regex generator's tests do. References are built once per test run.
/// </summary>
internal static class GeneratedApp
{
    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" || Path.GetFileName(p).StartsWith("Microsoft.Extensions.Logging.Abstractions", StringComparison.Ordinal))
            .Append(typeof(SiddhiApp).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    });

    /// <summary>Runs the generator on <paramref name="siddhi"/> and fails the test on any diagnostic error.</summary>
    public static AppCompileResult Generate(string siddhi, string path = "Test.siddhi", string ns = "Tests")
    {
        var result = SiddhiAppCompiler.Compile(path, siddhi, ns);
        Assert.That(result.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()), Is.Empty, "generator errors");
        Assert.That(result.Source, Is.Not.Null);
        return result;
    }

    /// <summary>Generates, compiles and instantiates the app with the given options.</summary>
    public static SiddhiApp Create(string siddhi, SiddhiAppOptions? options = null)
    {
        var result = Generate(siddhi);
        var assembly = Compile(result.Source!);
        var type = assembly.GetType(result.AppTypeName!, throwOnError: true)!;
        return (SiddhiApp)Activator.CreateInstance(type, options)!;
    }

    /// <summary>Compiles C# source against the runtime; fails with the first errors when it does not compile.</summary>
    public static Assembly Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d => d.ToString()).ToList();
        Assert.That(errors, Is.Empty, "the generated code does not compile:\n" + source);
        stream.Position = 0;
        return new AssemblyLoadContext("generated", isCollectible: true).LoadFromStream(stream);
    }
}
