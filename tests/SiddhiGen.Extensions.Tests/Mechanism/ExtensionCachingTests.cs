using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SiddhiGen.Generator;

namespace SiddhiGen.Extensions.Tests.Mechanism;

/// <summary>
/// Editing C# must not re-run the <c>.siddhi</c> path: the extension catalogue is equatable data, so an edit that
/// changes no extension leaves it equal and the app's compile step cached; an edit of an extension re-runs it.
/// </summary>
public sealed class ExtensionCachingTests
{
    private const string App = "define stream In (s string); from In select str:upper(s) as u, custom:twice(s) as t insert into Out;";

    private const string UserCode = """
        using SiddhiGen.Runtime;
        public static class Mine
        {
            [SiddhiFunction("custom:twice")]
            public static string? Twice(string? s) => s + s;
        }
        """;

    [Test]
    public void AnUnrelatedCSharpEditKeepsTheAppCached()
    {
        var compilation = ExtensionApp.Compilation(UserCode);
        var driver = ExtensionApp.Driver(App).RunGenerators(compilation);
        Assert.That(driver.GetRunResult().Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", new CSharpParseOptions(LanguageVersion.Latest))));
        var steps = driver.GetRunResult().Results[0].TrackedSteps;
        Assert.That(Reasons(steps, SiddhiGenerator.StepNames.UserExtensions), Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.All.EqualTo(IncrementalStepRunReason.Unchanged));
        Assert.That(Reasons(steps, SiddhiGenerator.StepNames.ExtensionCatalog), Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.All.EqualTo(IncrementalStepRunReason.Unchanged));
        Assert.That(Reasons(steps, SiddhiGenerator.StepNames.Compile), Is.All.EqualTo(IncrementalStepRunReason.Cached));
    }

    [Test]
    public void EditingAnExtensionRecompilesTheApp()
    {
        var compilation = ExtensionApp.Compilation(UserCode);
        var driver = ExtensionApp.Driver(App).RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(UserCode.Replace("string? Twice(string? s)", "string? Twice(string? s, int? n)"), new CSharpParseOptions(LanguageVersion.Latest), path: "/src/MyService/Extensions.cs"));
        driver = driver.RunGenerators(edited);
        Assert.That(Reasons(driver.GetRunResult().Results[0].TrackedSteps, SiddhiGenerator.StepNames.Compile), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));
        Assert.That(driver.GetRunResult().Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error).Id, Is.EqualTo("SIDDHI039"), "the call now has too few arguments");
    }

    [Test]
    public void ExtensionStepsHoldNoRoslynObjects()
    {
        var driver = ExtensionApp.Driver(App).RunGenerators(ExtensionApp.Compilation(UserCode));
        string[] ours = [SiddhiGenerator.StepNames.UserExtensions, SiddhiGenerator.StepNames.ReferencedExtensions, SiddhiGenerator.StepNames.Extensions, SiddhiGenerator.StepNames.ExtensionCatalog];
        foreach (var (name, steps) in driver.GetRunResult().Results[0].TrackedSteps.Where(s => ours.Contains(s.Key)))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertPlainData(output.Value, name, 0);
            }
        }
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(IReadOnlyDictionary<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>> steps, string name) =>
        steps[name].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static void AssertPlainData(object? value, string step, int depth)
    {
        if (value is null || depth > 10 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.That(value, Is.Not.InstanceOf<Compilation>().And.Not.InstanceOf<ISymbol>().And.Not.InstanceOf<SyntaxNode>(), $"step {step} holds a Roslyn object");
        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertPlainData(item, step, depth + 1);
            }

            return;
        }

        if (value is DiagnosticDescriptor || value.GetType().Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertPlainData(property.GetValue(value), step, depth + 1);
        }
    }
}
