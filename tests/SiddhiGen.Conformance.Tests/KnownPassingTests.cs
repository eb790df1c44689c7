using SiddhiGen.Conformance.Cases;
using SiddhiGen.Conformance.Execution;
using SiddhiGen.Conformance.Reporting;

namespace SiddhiGen.Conformance.Tests;

/// <summary>
/// The ratchet in <c>dotnet test</c> (design.md section 5): every id in known-passing.txt must still
/// pass through the real generator, compiler and runtime. Only the listed cases run.
/// </summary>
public class KnownPassingTests
{
    [Test]
    public void EveryKnownPassingCaseStillPasses()
    {
        var listed = Ratchet.Read(TestPaths.KnownPassing);
        if (listed.Count == 0)
        {
            Assert.Ignore("known-passing.txt lists no case yet.");
        }

        var corpus = TestPaths.Corpus ?? throw new IgnoreException("The conformance corpus is not available (set SIDDHIGEN_CONFORMANCE_CASES).");
        var cases = CaseReader.ReadFiles([corpus]).Where(c => listed.Contains(c.Id)).ToList();

        var results = new ConformanceRunner(new RunnerSettings()).Run(cases);

        var check = Ratchet.Check(listed, results.Select(r => (r.Case.Id, r.Passed, CaseResult.StatusName(r.Status) + ": " + r.Detail)), allCasesRan: true);
        Assert.That(check.Regressions.Select(r => $"{r.Id}: {r.Why}"), Is.Empty);
    }
}
