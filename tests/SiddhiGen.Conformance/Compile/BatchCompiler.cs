using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SiddhiGen.Conformance.Compile;

/// <summary>
/// Compiles many generated apps into one in-memory assembly (one Roslyn compilation costs about a
/// second, so per-app compilations would take most of the run). Each app sits in its own namespace.
/// When the batch does not compile, the apps whose own files hold errors are taken out and the rest
/// compiled again; errors no file can be blamed for are found by bisection.
/// </summary>
public sealed class BatchCompiler(IReadOnlyList<MetadataReference> references)
{
    /// <summary>C# 13: what Roslyn 4.14 (the generator's pinned compiler) supports; users' compilers are at least this.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp13);

    private static readonly CSharpCompilationOptions s_options = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        allowUnsafe: true,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        concurrentBuild: true);

    public BatchCompilation Compile(IReadOnlyList<CompileUnit> units, string assemblyName)
    {
        var trees = units.Select(u => (Unit: u, Tree: CSharpSyntaxTree.ParseText(u.Source, ParseOptions, u.Path))).ToList();
        var failures = new Dictionary<int, string>();
        while (trees.Count > 0)
        {
            var (image, errors) = Emit(assemblyName, trees.Select(t => t.Tree));
            if (image is not null)
            {
                // On success "errors" holds the warnings: users who treat warnings as errors would see them fail.
                var warnings = trees
                    .Select(t => (t.Unit.Key, First: errors.FirstOrDefault(w => w.Location.SourceTree == t.Tree)))
                    .Where(w => w.First is not null)
                    .ToDictionary(w => w.Key, w => Describe(w.First!));
                return new BatchCompilation(image, failures, warnings);
            }

            var blamed = trees.Where(t => errors.Any(e => e.Location.SourceTree == t.Tree)).ToList();
            if (blamed.Count == 0)
            {
                blamed = Bisect(assemblyName, trees);
            }

            foreach (var (unit, tree) in blamed)
            {
                var own = errors.FirstOrDefault(e => e.Location.SourceTree == tree);
                failures[unit.Key] = own is null ? Describe(errors[0]) : Describe(own);
            }

            trees = [.. trees.Except(blamed)];
        }

        return new BatchCompilation(null, failures, new Dictionary<int, string>());
    }

    /// <summary>
    /// Finds apps that break the compilation although no error lies in their files. When no subset
    /// breaks on its own (only the whole does), every app of the set is blamed.
    /// </summary>
    private List<(CompileUnit Unit, SyntaxTree Tree)> Bisect(string assemblyName, List<(CompileUnit Unit, SyntaxTree Tree)> trees)
    {
        var broken = new List<(CompileUnit, SyntaxTree)>();
        void Search(List<(CompileUnit Unit, SyntaxTree Tree)> part)
        {
            if (Emit(assemblyName, part.Select(t => t.Tree)).Image is not null)
            {
                return;
            }

            if (part.Count == 1)
            {
                broken.Add(part[0]);
                return;
            }

            var half = part.Count / 2;
            Search(part[..half]);
            Search(part[half..]);
        }

        Search(trees);
        return broken.Count == 0 ? trees : broken;
    }

    /// <returns>The image and the warnings, or null and the errors.</returns>
    private (byte[]? Image, List<Diagnostic> Diagnostics) Emit(string assemblyName, IEnumerable<SyntaxTree> trees)
    {
        var compilation = CSharpCompilation.Create(assemblyName, trees, references, s_options);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (result.Success)
        {
            return (stream.ToArray(), [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning && !d.IsSuppressed)]);
        }

        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            errors.Add(Diagnostic.Create(new DiagnosticDescriptor("CONF001", "Emit failed", "Emit failed without an error", "Conformance", DiagnosticSeverity.Error, true), Location.None));
        }

        return (null, errors);
    }

    /// <summary><c>CS0103: The name 'x' does not exist... (line 42: var y = x;)</c></summary>
    public static string Describe(Diagnostic error)
    {
        var text = error.Id + ": " + error.GetMessage(CultureInfo.InvariantCulture);
        if (error.Location.SourceTree is { } tree)
        {
            var line = error.Location.GetLineSpan().StartLinePosition.Line;
            var source = tree.GetText().Lines[line].ToString().Trim();
            if (source.Length > 120)
            {
                source = source[..117] + "...";
            }

            text += $" (line {(line + 1).ToString(CultureInfo.InvariantCulture)}: {source})";
        }

        return text;
    }
}
