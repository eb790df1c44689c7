using System.Diagnostics;
using System.Text.Json;
using SiddhiGen.Conformance.Execution;

namespace SiddhiGen.Conformance.Tests;

public class CrashGuardTests
{
    [Test]
    public void TheJournalNamesTheCasesInFlight()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var journal = new CaseJournal(path))
            {
                journal.Begin("a#1");
                journal.Begin("b#1");
                journal.End("a#1");
                journal.Begin("c#1");
            }

            Assert.That(CaseJournal.InFlight(path), Is.EqualTo(new[] { "b#1", "c#1" }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs the runner executable on three cases, the second of which crashes the process.</summary>
    [Test]
    public void ACaseThatCrashesTheProcessBecomesAnErrorAndTheRunCompletes()
    {
        var cases = Path.GetTempFileName();
        var report = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(cases, new[] { "t#one", "t#two", "t#three" }.Select(id =>
                $"{{\"id\": \"{id}\", \"area\": \"other\", \"app\": \"define stream S (a int\", \"base\": 0, \"steps\": [], \"end\": 100, \"expect\": {{\"streams\": {{}}, \"queries\": {{}}}}, \"error\": \"SiddhiParserException: no viable alternative\"}}"));
            var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "SiddhiGen.Conformance.exe" : "SiddhiGen.Conformance"))
            {
                ArgumentList = { "--report", report, cases },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { [CrashGuard.CrashOnVariable] = "t#two" },
            };

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            Assert.That(process.ExitCode, Is.Zero, output + error.Result);
            Assert.That(output.TrimEnd().Split('\n')[^1], Does.StartWith("conformance: ").And.EndWith("/3 cases match"));
            Assert.That(error.Result, Does.Contain("the runner crashed (exit code"));
            using var json = JsonDocument.Parse(File.ReadAllText(report));
            var two = json.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "t#two");
            Assert.That(two.GetProperty("status").GetString(), Is.EqualTo("error"));
            Assert.That(two.GetProperty("detail").GetString(), Does.StartWith("crashed the runner process: exit code"));
        }
        finally
        {
            File.Delete(cases);
            File.Delete(report);
        }
    }
}
