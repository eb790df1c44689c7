using Microsoft.CodeAnalysis;

namespace SiddhiGen.Generator.Tests.Emit;

/// <summary>Editing one app regenerates only that app; the pipeline holds no Roslyn objects, so it caches.</summary>
public sealed class IncrementalTests
{
    private const string First = "define stream A (x int); from A[x > 1] select x insert into B;";
    private const string Second = "define stream C (y double); from C#window.length(2) select avg(y) as a insert into D;";

    [Test]
    public void EditingOneFileRecompilesOnlyThatFile()
    {
        var a = new GeneratorDriverHarness.File("/src/MyService/Apps/First.siddhi", First);
        var b = new GeneratorDriverHarness.File("/src/MyService/Apps/Second.siddhi", Second);
        var compilation = GeneratorDriverHarness.EmptyCompilation();
        var driver = GeneratorDriverHarness.CreateDriver(a, b).RunGenerators(compilation);
        Assert.That(driver.GetRunResult().GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)), Is.EquivalentTo(new[] { "Apps.First.siddhi.g.cs", "Apps.Second.siddhi.g.cs" }));

        var edited = new GeneratorDriverHarness.File(b.Path, Second.Replace("length(2)", "length(3)"));
        driver = driver.ReplaceAdditionalText(b, edited).RunGenerators(compilation);

        var steps = driver.GetRunResult().Results[0].TrackedSteps[SiddhiGenerator.StepNames.Compile];
        var reasons = steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.That(reasons, Is.EquivalentTo(new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified }));
    }

    [Test]
    public void ChangingCSharpCodeDoesNotRecompileApps()
    {
        var a = new GeneratorDriverHarness.File("/src/MyService/Apps/First.siddhi", First);
        var compilation = GeneratorDriverHarness.EmptyCompilation();
        var driver = GeneratorDriverHarness.CreateDriver(a).RunGenerators(compilation);

        compilation = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class UserCode { }"));
        driver = driver.RunGenerators(compilation);

        var outputs = driver.GetRunResult().Results[0].TrackedSteps[SiddhiGenerator.StepNames.Compile].SelectMany(s => s.Outputs);
        Assert.That(outputs.Select(o => o.Reason), Is.All.EqualTo(IncrementalStepRunReason.Cached));
    }

    [Test]
    public void StepOutputsHoldNoRoslynObjects()
    {
        var a = new GeneratorDriverHarness.File("/src/MyService/Apps/First.siddhi", First);
        var driver = GeneratorDriverHarness.CreateDriver(a).RunGenerators(GeneratorDriverHarness.EmptyCompilation());
        string[] ours = [SiddhiGenerator.StepNames.ProjectOptions, SiddhiGenerator.StepNames.Files, SiddhiGenerator.StepNames.Compile];
        foreach (var (name, steps) in driver.GetRunResult().Results[0].TrackedSteps.Where(s => ours.Contains(s.Key)))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, name, depth: 0);
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, string step, int depth)
    {
        if (value is null || depth > 8 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.That(value, Is.Not.InstanceOf<Compilation>().And.Not.InstanceOf<ISymbol>().And.Not.InstanceOf<SyntaxNode>(), $"step {step} holds a Roslyn object");
        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, step, depth + 1);
            }

            return;
        }

        if (value is DiagnosticDescriptor || value.GetType().Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertNoRoslynObjects(property.GetValue(value), step, depth + 1);
        }
    }
}
