using SiddhiGen.Conformance.Cases;
using SiddhiGen.Conformance.Compile;
using SiddhiGen.Conformance.Execution;
using SiddhiGen.Conformance.Reporting;
using static SiddhiGen.Conformance.Tests.TestCases;

namespace SiddhiGen.Conformance.Tests;

/// <summary>
/// The whole pipeline end to end with <see cref="FakeGenerator"/>: the hand-written apps are compiled by
/// the batch compiler, loaded into a collectible context and run under the watchdog.
/// </summary>
public class ConformanceRunnerTests
{
    private static readonly string Expect = CaseExecutorTests.Expect;

    private static List<ConformanceCase> Cases() =>
    [
        PassThrough(CaseExecutorTests.Steps, Expect, end: 2000, id: "t#pass", index: 0),
        PassThrough("", "{'streams': {}, 'queries': {}}", app: "BROKEN", id: "t#broken", index: 1),
        PassThrough(CaseExecutorTests.Steps, Expect, end: 1000, id: "t#fail", index: 2),
        PassThrough("", "{'streams': {}, 'queries': {}}", app: "UNSUPPORTED", id: "t#unsupported", index: 3),
        PassThrough("", "{'streams': {}, 'queries': {}}", app: "INVALID", id: "t#wronglyRejected", index: 4),
        Rejected("INVALID", id: "t#rejectedByGenerator", index: 5),
        Rejected("REJECT_AT_CREATE", id: "t#rejectedAtCreation", index: 6),
        PassThrough("", "{'streams': {}, 'queries': {}}", app: "CRASH", id: "t#crash", index: 7),
        PassThrough("", "{'streams': {}, 'queries': {}}", app: "THROW", id: "t#throw", index: 8),
        PassThrough("{'t': 0, 'send': 'InStream', 'data': [1]}", "{'streams': {}, 'queries': {}}", app: "HANG", id: "t#hang", index: 9),
        PassThrough(CaseExecutorTests.Steps, Expect, end: 2000, id: "t#pass2", index: 10),
        PassThrough(CaseExecutorTests.Steps, Expect, end: 2000, app: "WARN", id: "t#warned", index: 11),
    ];

    /// <summary>The full run, shared by the tests that only read it (it waits out a timeout).</summary>
    private static readonly Lazy<IReadOnlyList<CaseResult>> s_fullRun = new(() => Run(compileOnly: false));

    private static IReadOnlyList<CaseResult> Run(bool compileOnly) =>
        new ConformanceRunner(
            new RunnerSettings { CompileOnly = compileOnly, BatchSize = 4, Jobs = 2, CaseTimeout = TimeSpan.FromSeconds(1) },
            FakeGenerator.Generate,
            new BatchCompiler(References.All)).Run(Cases());

    [Test]
    public void AFullRunGivesEveryCaseItsStatus()
    {
        var results = s_fullRun.Value;

        Assert.That(results.Select(r => (r.Case.Id, CaseResult.StatusName(r.Status))), Is.EqualTo(new[]
        {
            ("t#pass", "pass"),
            ("t#broken", "error"),
            ("t#fail", "fail"),
            ("t#unsupported", "unsupported"),
            ("t#wronglyRejected", "fail"),
            ("t#rejectedByGenerator", "pass"),
            ("t#rejectedAtCreation", "pass"),
            ("t#crash", "error"),
            ("t#throw", "error"),
            ("t#hang", "error"),
            ("t#pass2", "pass"),
            ("t#warned", "error"),
        }));
        var detail = results.ToDictionary(r => r.Case.Id, r => r.Detail);
        Assert.Multiple(() =>
        {
            Assert.That(detail["t#broken"], Does.StartWith("compile: CS0029: Cannot implicitly convert type 'string' to 'int' (line 2: public sealed class Broken"));
            Assert.That(detail["t#unsupported"], Is.EqualTo("'partition' is not supported yet"));
            Assert.That(detail["t#wronglyRejected"], Is.EqualTo("rejected a valid app: SIDDHI010: mismatched input 'form'"));
            Assert.That(detail["t#rejectedAtCreation"], Is.EqualTo("rejected at create: InvalidOperationException: RejectingApp is invalid"));
            Assert.That(detail["t#crash"], Is.EqualTo("generator: NullReferenceException: boom"));
            Assert.That(detail["t#throw"], Is.EqualTo("generator: InvalidOperationException: the fake generator threw"));
            Assert.That(detail["t#hang"], Is.EqualTo("timeout after 1 s"));
            Assert.That(detail["t#warned"], Does.StartWith("warning: CS0169: The field 'Unused._never' is never used"), "its outputs match, but a build with warnings as errors fails");
            Assert.That(results[3].Actual.Error, Is.EqualTo("SIDDHI001: 'partition' is not supported yet"));
        });
    }

    [Test]
    public void ACompileOnlyRunStopsAfterTheCompiler()
    {
        var results = Run(compileOnly: true).ToDictionary(r => r.Case.Id, r => r.Status);

        Assert.That(results["t#pass"], Is.EqualTo(CaseStatus.Pass));
        Assert.That(results["t#fail"], Is.EqualTo(CaseStatus.Pass), "outputs are not compared");
        Assert.That(results["t#hang"], Is.EqualTo(CaseStatus.Pass));
        Assert.That(results["t#broken"], Is.EqualTo(CaseStatus.Error));
        Assert.That(results["t#rejectedByGenerator"], Is.EqualTo(CaseStatus.Pass));
        Assert.That(results["t#rejectedAtCreation"], Is.EqualTo(CaseStatus.Fail), "only creating it could reject it");
    }

    [Test]
    public void TheContractLinesComeLast()
    {
        var writer = new StringWriter();

        ConsoleSummary.PrintSummary(s_fullRun.Value, writer);
        ConsoleSummary.PrintContractLines(s_fullRun.Value, writer);

        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("statuses: pass 4, fail 2, error 5, unsupported 1"));
        Assert.That(lines, Does.Contain("unsupported: 1 cases, 1 kinds, top 1:"));
        Assert.That(lines, Does.Contain("      1  'partition' is not supported yet"));
        Assert.That(lines[^4..], Is.EqualTo(new[]
        {
            "area other: 2/2",
            "area window: 2/10",
            "with output: 2/4",
            "conformance: 4/12 cases match",
        }));
    }

    [Test]
    public void AppsThatClashAreTakenOutOfTheBatch()
    {
        var compiler = new BatchCompiler(References.All);
        CompileUnit[] units =
        [
            new(0, "a.g.cs", "namespace Same; public sealed class A { }"),
            new(1, "b.g.cs", "namespace Other; public sealed class B { }"),
            new(2, "c.g.cs", "namespace Same; public sealed class A { }"),
            new(3, "d.g.cs", "namespace Warned; public sealed class W { private int _unused; }"),
        ];

        var result = compiler.Compile(units, "Clash");

        Assert.That(result.Image, Is.Not.Null);
        Assert.That(result.Failures.Keys, Is.EqualTo(new[] { 2 }));
        Assert.That(result.Failures[2], Does.StartWith("CS0101:"));
        Assert.That(result.Warnings.Keys, Is.EqualTo(new[] { 3 }));
        Assert.That(result.Warnings[3], Does.StartWith("CS0169:"));
    }
}
