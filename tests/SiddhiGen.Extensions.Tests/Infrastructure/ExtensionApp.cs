using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SiddhiGen.Extensions;
using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions.Tests;

/// <summary>
/// Builds a project the way <c>dotnet build</c> does: the user's C# (which may declare extensions) and one
/// <c>.siddhi</c> file go through the real generator driver against references to the runtime and the standard
/// extension libraries; the result is compiled and loaded into a collectible context.
/// </summary>
internal static class ExtensionApp
{
    public const string AppPath = "/src/MyService/Apps/App.siddhi";

    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" || Path.GetFileName(p).StartsWith("Microsoft.Extensions.Logging.Abstractions", StringComparison.Ordinal))
            .Append(typeof(SiddhiApp).Assembly.Location)
            .Append(typeof(StringFunctions).Assembly.Location)
            .Append(typeof(global::SiddhiGen.Scripting.JavaScriptFunction).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    });

    public static IReadOnlyList<MetadataReference> References => s_references.Value;

    /// <summary>What the build produced: the generator's diagnostics and the compiled assembly (null when it had errors).</summary>
    public sealed record Build(ImmutableArray<Diagnostic> Diagnostics, Assembly? Assembly, string GeneratedSource)
    {
        public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
    }

    /// <param name="scripting">False for a project without the SiddhiGen.Scripting reference.</param>
    public static CSharpCompilation Compilation(string csharp, bool scripting = true) => CSharpCompilation.Create(
        "MyService",
        string.IsNullOrEmpty(csharp) ? [] : [CSharpSyntaxTree.ParseText(csharp, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/MyService/Extensions.cs")],
        scripting ? References : References.Where(r => !r.Display!.EndsWith("SiddhiGen.Scripting.dll", StringComparison.Ordinal)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(string siddhi) => CSharpGeneratorDriver.Create(
        [new Generator.SiddhiGenerator().AsSourceGenerator()],
        [new SiddhiText(AppPath, siddhi)],
        new CSharpParseOptions(LanguageVersion.Latest),
        new Options(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator and, when it reports no error, compiles everything.</summary>
    public static Build Run(string siddhi, string csharp = "", bool scripting = true)
    {
        var compilation = Compilation(csharp, scripting);
        Driver(siddhi).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var generated = string.Join("\n", output.SyntaxTrees.Skip(compilation.SyntaxTrees.Length).Select(t => t.ToString()));
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new Build(diagnostics, null, generated);
        }

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d => d.ToString()).ToList();
        Assert.That(errors, Is.Empty, "the generated code does not compile:\n" + generated);
        stream.Position = 0;
        return new Build(diagnostics, new AssemblyLoadContext("generated", isCollectible: true).LoadFromStream(stream), generated);
    }

    /// <summary>Builds and starts the app; fails the test on any build error.</summary>
    public static Harness Start(string siddhi, string output, string csharp = "")
    {
        var build = Run(siddhi, csharp);
        Assert.That(build.Errors.Select(d => d.ToString()), Is.Empty, "build errors");
        var type = build.Assembly!.GetTypes().Single(t => typeof(SiddhiApp).IsAssignableFrom(t));
        return new Harness(type, output);
    }

    /// <summary>A running app on a virtual clock that records the rows of one output stream.</summary>
    public sealed class Harness : IDisposable
    {
        private readonly VirtualClock _clock = new(1_000_000);

        public Harness(Type appType, string output)
        {
            App = (SiddhiApp)Activator.CreateInstance(appType, new SiddhiAppOptions { Clock = _clock })!;
            App.Subscribe(output, e => Rows.Add(e.Data));
            App.Start();
        }

        public SiddhiApp App { get; }

        public List<object?[]> Rows { get; } = [];

        public Harness Send(string stream, params object?[] row)
        {
            _clock.AdvanceTo(_clock.Now + 1);
            App.Send(stream, _clock.Now, row);
            return this;
        }

        public void Dispose() => App.Dispose();
    }

    private sealed class SiddhiText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new() { ["build_property.RootNamespace"] = "MyService", ["build_property.ProjectDir"] = "/src/MyService/" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values([]);

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
