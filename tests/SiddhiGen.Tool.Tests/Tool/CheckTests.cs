using SiddhiGen.Tool.Tests.Support;

namespace SiddhiGen.Tool.Tests.Tool;

/// <summary><c>siddhigen check</c>: the generator's diagnostics in the MSBuild format, exit code 1 on errors.</summary>
[Category("tool")]
public sealed class CheckTests
{
    [Test]
    public async Task AValidAppHasNoDiagnosticAndExitsWithZero()
    {
        using var tool = await ToolProcess.RunAsync("check", "samples/TemperatureMonitoring/TemperatureApp.siddhi");
        Assert.That(tool.ExitCode, Is.EqualTo(0), string.Join("\n", tool.Output));
        Assert.That(tool.Output, Is.EqualTo(new[] { "1 file(s) checked: 0 error(s), 0 warning(s)." }));
    }

    [Test]
    public async Task EveryErrorOfEveryFileIsPrintedAtItsLineAndColumnAndTheExitCodeIsOne()
    {
        var dir = Directory.CreateTempSubdirectory("siddhigen-check-");
        try
        {
            var unknown = Path.Combine(dir.FullName, "Unknown.siddhi");
            File.WriteAllText(unknown, "define stream S (a int);\nfrom S select b insert into O;\n");
            var syntax = Path.Combine(dir.FullName, "Syntax.siddhi");
            File.WriteAllText(syntax, "define stream S (a int);\nfrom S select a insert O;\n");
            using var tool = await ToolProcess.RunAsync("check", unknown, syntax, "samples/TemperatureMonitoring/TemperatureApp.siddhi", Path.Combine(dir.FullName, "Missing.siddhi"));
            Assert.That(tool.ExitCode, Is.EqualTo(1));
            var lines = tool.Output.ToList();
            Assert.That(lines, Does.Contain(unknown + "(2,15): error SIDDHI031: Attribute 'b' is not defined in stream 'S'"));
            Assert.That(lines, Has.Some.Match(@"Syntax\.siddhi\(2,\d+\): error SIDDHI0\d\d: "));
            Assert.That(lines, Does.Contain(Path.Combine(dir.FullName, "Missing.siddhi") + ": error: file not found"));
            Assert.That(lines[^1], Does.StartWith("4 file(s) checked: "));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task AWrongCommandLineShowsTheUsageWithExitCodeTwo()
    {
        using var tool = await ToolProcess.RunAsync("check");
        Assert.That(tool.ExitCode, Is.EqualTo(2));
        Assert.That(tool.Errors, Has.Some.Contains("usage:"));
        using var unknown = await ToolProcess.RunAsync("frobnicate");
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Errors, Has.Some.Contains("unknown verb 'frobnicate'"));
    }
}
