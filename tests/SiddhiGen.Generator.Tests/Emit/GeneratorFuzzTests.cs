using Microsoft.CodeAnalysis;
using SiddhiGen.Generator.Tests.Parsing;

namespace SiddhiGen.Generator.Tests.Emit;

/// <summary>
/// The generator never throws: mutated corpus apps and random strings go through the whole pipeline
/// (parse, bind, plan, emit), and through the Roslyn driver, which would report CS8785 for a generator crash.
/// </summary>
public sealed class GeneratorFuzzTests
{
    private const int Iterations = 10_000;

    [Test]
    public void MutatedAppsNeverMakeThePipelineFail()
    {
        var random = new Random(20261126);
        var seeds = Seeds();
        for (var i = 0; i < Iterations; i++)
        {
            var text = Input(seeds, random, i);
            AppCompileResult result;
            try
            {
                result = SiddhiAppCompiler.Compile("fuzz.siddhi", text, "Fuzz");
            }
            catch (Exception ex)
            {
                Assert.Fail($"iteration {i} threw {ex.GetType().Name}: {ex.Message}\ninput: {text}");
                return;
            }

            Assert.That(result.Diagnostics.Select(d => d.Id), Has.None.EqualTo("SIDDHI002"), () => $"iteration {i}: {string.Join("; ", result.Diagnostics)}\ninput: {text}");
        }
    }

    [Test]
    public void TheRoslynDriverReportsNoGeneratorFailure()
    {
        var random = new Random(7);
        var seeds = Seeds();
        var files = Enumerable.Range(0, 400)
            .Select(i => (AdditionalText)new GeneratorDriverHarness.File($"/src/MyService/Apps/Fuzz{i}.siddhi", Input(seeds, random, i)))
            .ToArray();

        var run = GeneratorDriverHarness.CreateDriver(files).RunGenerators(GeneratorDriverHarness.EmptyCompilation()).GetRunResult();

        Assert.That(run.Results[0].Exception, Is.Null);
        Assert.That(run.Diagnostics.Select(d => d.Id), Has.None.EqualTo("CS8785").And.None.EqualTo("SIDDHI002"));
    }

    private static string[] Seeds() =>
        CorpusParsingTests.LoadCorpus()?.Select(c => c.App).Concat(ParserFuzzTests.FallbackApps).ToArray() ?? ParserFuzzTests.FallbackApps;

    // One input in ten is random text; one in five is an unmodified corpus app, so binding and emission run often.
    private static string Input(string[] seeds, Random random, int i) => (i % 10) switch
    {
        9 => ParserFuzzTests.RandomText(random),
        0 or 5 => seeds[random.Next(seeds.Length)],
        _ => ParserFuzzTests.Mutate(seeds[random.Next(seeds.Length)], random),
    };
}
