using System;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis;
using SiddhiGen.Generator.Extensions;

namespace SiddhiGen.Generator;

/// <summary>
/// Compiles every <c>.siddhi</c> file of the project (given as AdditionalFiles) into C#. This class
/// only wires the incremental pipeline; <see cref="SiddhiAppCompiler"/> does the work. The apps depend on the
/// C# code only through the small, equatable catalogue of C# extensions (<see cref="Extensions.ExtensionPipeline"/>),
/// so editing C# code re-runs no app unless it changes an extension, and editing one app regenerates only that app.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SiddhiGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var projectOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ProjectOptions.From(provider.GlobalOptions))
            .WithTrackingName(StepNames.ProjectOptions);

        var files = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".siddhi", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, ct) => new SiddhiFile(file.Path, file.GetText(ct)?.ToString() ?? string.Empty))
            .WithTrackingName(StepNames.Files);

        var extensions = ExtensionPipeline.Create(context);
        var catalog = extensions
            .Select(static (found, _) => found.Catalog)
            .WithTrackingName(StepNames.ExtensionCatalog);

        var compiled = files
            .Combine(projectOptions)
            .Combine(catalog)
            .Select(static (input, ct) => new CompiledApp(
                HintName(input.Left.Left.Path, input.Left.Right.ProjectDirectory),
                SiddhiAppCompiler.Compile(input.Left.Left.Path, input.Left.Left.Text, input.Left.Right.RootNamespace, input.Right, ct)))
            .WithTrackingName(StepNames.Compile);

        context.RegisterSourceOutput(extensions.Select(static (found, _) => found.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(compiled, static (spc, app) =>
        {
            foreach (var diagnostic in app.Result.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (app.Result.Source is { } source)
            {
                spc.AddSource(app.HintName, source);
            }
        });
    }

    /// <summary>A stable, unique hint name from the project-relative path: <c>Apps/Temp.siddhi</c> gives <c>Apps.Temp.siddhi.g.cs</c>.</summary>
    internal static string HintName(string path, string? projectDirectory)
    {
        var relative = path;
        if (!string.IsNullOrEmpty(projectDirectory) && path.StartsWith(projectDirectory, StringComparison.OrdinalIgnoreCase))
        {
            relative = path.Substring(projectDirectory!.Length);
        }
        else
        {
            relative = Path.GetFileName(path);
        }

        var sb = new StringBuilder();
        foreach (var c in relative.TrimStart('/', '\\'))
        {
            sb.Append(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-' ? c : '.');
        }

        return sb.Append(".g.cs").ToString();
    }

    /// <summary>The step names tests use to check caching.</summary>
    public static class StepNames
    {
        public const string ProjectOptions = "SiddhiGen.ProjectOptions";
        public const string Files = "SiddhiGen.Files";
        public const string Compile = "SiddhiGen.Compile";
        public const string UserExtensions = "SiddhiGen.UserExtensions";
        public const string ReferencedExtensions = "SiddhiGen.ReferencedExtensions";
        public const string Extensions = "SiddhiGen.Extensions";
        public const string ExtensionCatalog = "SiddhiGen.ExtensionCatalog";
    }

    private sealed record SiddhiFile(string Path, string Text);

    private sealed record CompiledApp(string HintName, AppCompileResult Result);

    private sealed record ProjectOptions(string RootNamespace, string? ProjectDirectory)
    {
        public static ProjectOptions From(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options)
        {
            options.TryGetValue("build_property.RootNamespace", out var rootNamespace);
            options.TryGetValue("build_property.ProjectDir", out var projectDirectory);
            return new ProjectOptions(string.IsNullOrWhiteSpace(rootNamespace) ? "SiddhiApps" : rootNamespace!, projectDirectory);
        }
    }
}
