using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SiddhiGen.Generator.Extensions;
using SiddhiGen.Generator.Model;
using SiddhiGen.Runtime;

namespace SiddhiGen.Conformance.Compile;

/// <summary>
/// The metadata references every batch compiles against, built once: the running framework's
/// assemblies (from <c>TRUSTED_PLATFORM_ASSEMBLIES</c>, only those of the shared framework, so the
/// runner's own dependencies such as Roslyn stay out) plus the SiddhiGen runtime, the standard extension
/// libraries and the non-framework assemblies they reference. <see cref="Extensions"/> is what the generator
/// finds in them, as it would in a project referencing them.
/// </summary>
public static class References
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_all = new(Create);

    private static readonly Lazy<ExtensionCatalog> s_extensions = new(() =>
        ExtensionDiscovery.FromReferences(CSharpCompilation.Create("ExtensionCatalog", references: All), CancellationToken.None).Catalog);

    public static IReadOnlyList<MetadataReference> All => s_all.Value;

    /// <summary>The C# extensions (functions, aggregators, windows) the referenced libraries declare.</summary>
    public static ExtensionCatalog Extensions => s_extensions.Value;

    private static IReadOnlyList<MetadataReference> Create()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var byName = trusted
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var paths = new HashSet<string>(
            trusted.Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal)),
            StringComparer.Ordinal);
        AddWithDependencies(typeof(SiddhiApp).Assembly, paths, byName);
        AddWithDependencies(typeof(SiddhiGen.Extensions.StringFunctions).Assembly, paths, byName);
        AddWithDependencies(typeof(SiddhiGen.Scripting.JavaScriptFunction).Assembly, paths, byName);
        return [.. paths.Order(StringComparer.Ordinal).Select(p => MetadataReference.CreateFromFile(p))];
    }

    /// <summary>Adds an assembly and, transitively, the non-framework assemblies it references.</summary>
    private static void AddWithDependencies(Assembly assembly, HashSet<string> paths, Dictionary<string, string> byName)
    {
        if (!paths.Add(assembly.Location))
        {
            return;
        }

        foreach (var name in assembly.GetReferencedAssemblies())
        {
            if (name.Name is { } simple && byName.TryGetValue(simple, out var path) && !paths.Contains(path))
            {
                AddWithDependencies(Assembly.Load(name), paths, byName);
            }
        }
    }
}
