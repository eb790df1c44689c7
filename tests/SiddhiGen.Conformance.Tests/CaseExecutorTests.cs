using SiddhiGen.Conformance.Cases;
using SiddhiGen.Conformance.Execution;
using SiddhiGen.Conformance.Reporting;
using SiddhiGen.Conformance.Tests.Apps;
using static SiddhiGen.Conformance.Tests.TestCases;

namespace SiddhiGen.Conformance.Tests;

/// <summary>Runs the hand-written <see cref="PassThroughApp"/> through the case executor and the judge.</summary>
public class CaseExecutorTests
{
    /// <summary>IBM at 0, a chunk of two at 500, the on-demand query at 1200, end at 2000: each event expires 1 s after it came.</summary>
    public const string Steps = """
        {'t': 0, 'send': 'InStream', 'data': ['IBM', 700.0, 100]},
        {'t': 500, 'send': 'InStream', 'batch': [['WSO2', 60.5, 200], ['ORCL', 55.6, 300]]},
        {'t': 1200, 'query': 'from OutStream select *', 'result': [['IBM', 700.0, 100], ['WSO2', 60.5, 200], ['ORCL', 55.6, 300]]}
        """;

    public const string Expect = """
        {'streams': {'OutStream': [['IBM', 700.0, 100], ['WSO2', 60.5, 200], ['ORCL', 55.6, 300], ['IBM', 700.0, 100], ['WSO2', 60.5, 200], ['ORCL', 55.6, 300]]},
         'queries': {'query1': {'in': [['IBM', 700.0, 100], ['WSO2', 60.5, 200], ['ORCL', 55.6, 300]],
                                'removed': [['IBM', 700.0, 100], ['WSO2', 60.5, 200], ['ORCL', 55.6, 300]]}}}
        """;

    private static CaseResult Run(ConformanceCase testCase) =>
        CaseJudge.Judge(testCase, CaseExecutor.Execute(testCase, o => new PassThroughApp(o)));

    [Test]
    public void AMatchingRunPasses()
    {
        var result = Run(PassThrough(Steps, Expect, end: 2000));

        Assert.That(result.Detail, Is.Null);
        Assert.That(result.Status, Is.EqualTo(CaseStatus.Pass));
    }

    [Test]
    [Category("persistence")]
    public void UnderRestoreEachStepStateWithoutASnapshotFormIsAnErrorNotASilentPass()
    {
        // The hand-written app's window schedules timers that no registered operator saves.
        var testCase = PassThrough(Steps, Expect, end: 2000);
        var result = CaseJudge.Judge(testCase, CaseExecutor.Execute(testCase, o => new PassThroughApp(o), restoreEachStep: true));

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Error));
        Assert.That(result.Detail, Does.StartWith("runtime at step 2 (t=500): SnapshotException:").And.Contain("no snapshot support yet"));
    }

    [Test]
    public void TimersDueByTheEndFireBeforeShutdown()
    {
        var result = Run(PassThrough(Steps, Expect, end: 1499));

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Fail));
        Assert.That(result.Detail, Is.EqualTo("stream 'OutStream': expected 6 rows but got 4; first missing row 5: [\"WSO2\",60.5,200]"));
    }

    [Test]
    public void AFailureNamesTheFirstDifferingRow()
    {
        var result = Run(PassThrough(Steps, Expect.Replace("'removed': [['IBM', 700.0", "'removed': [['IBM', 700.5", StringComparison.Ordinal), end: 2000));

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Fail));
        Assert.That(result.Detail, Is.EqualTo("query 'query1' removed row 1: expected [\"IBM\",700.5,100] but got [\"IBM\",700.0,100]"));
    }

    [Test]
    public void QueryStepResultsAreCompared()
    {
        var result = Run(PassThrough(Steps.Replace("['ORCL', 55.6, 300]]}", "['ORCL', 55.6, 301]]}", StringComparison.Ordinal).Replace("['ORCL', 55.6, 301]]},", "['ORCL', 55.6, 300]]},", StringComparison.Ordinal), Expect, end: 2000));

        Assert.That(result.Detail, Does.StartWith("query step 1 (t=1200, 'from OutStream select *') row 3: expected [\"ORCL\",55.6,301]"));
    }

    [Test]
    public void UnorderedCasesCompareMultisets()
    {
        var shuffled = Expect.Replace(
            "'in': [['IBM', 700.0, 100], ['WSO2', 60.5, 200], ['ORCL', 55.6, 300]]",
            "'in': [['ORCL', 55.6, 300], ['IBM', 700.0, 100], ['WSO2', 60.5, 200]]",
            StringComparison.Ordinal);

        Assert.That(Run(PassThrough(Steps, shuffled, end: 2000)).Status, Is.EqualTo(CaseStatus.Fail));
        Assert.That(Run(PassThrough(Steps, shuffled, end: 2000, unordered: true)).Status, Is.EqualTo(CaseStatus.Pass));
    }

    [Test]
    public void OnlyListedStreamsAndQueriesAreCompared()
    {
        var result = Run(PassThrough(Steps, "{'streams': {}, 'queries': {}}", end: 2000));

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Pass));
        Assert.That(result.Actual.Streams, Is.Empty);
    }

    [Test]
    public void DroppedEventsAreNotedInTheDetail()
    {
        var result = Run(PassThrough("{'t': 0, 'send': 'InStream', 'data': ['IBM', 700.0, -1]}", "{'streams': {'OutStream': [['IBM', 700.0, -1]]}, 'queries': {}}"));

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Fail));
        Assert.That(result.Detail, Does.EndWith("[the app dropped 1 event(s) on errors; first: Error processing an event in app 'PassThroughApp'; the event was dropped. InvalidOperationException: negative volume]"));
    }

    [Test]
    public void AnExpectedStreamTheAppLacksIsAnError()
    {
        var result = Run(PassThrough("", "{'streams': {'Missing': [[1]]}, 'queries': {}}"));

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Error));
        Assert.That(result.Detail, Does.StartWith("subscribe: ArgumentException: Stream 'Missing' is not defined"));
    }

    [Test]
    public void AnExceptionFromASendIsAnErrorNamingTheStep()
    {
        var result = Run(PassThrough("{'t': 0, 'send': 'InStream', 'data': ['IBM', 700.0, 1]}, {'t': 5, 'send': 'Nope', 'data': [1]}", "{'streams': {}, 'queries': {}}"));

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Error));
        Assert.That(result.Detail, Is.EqualTo("runtime at step 2 (t=5): InvalidOperationException: The app has no stream 'Nope' to send to."));
    }

    [Test]
    public void AValueThatDoesNotFitTheInputSchemaIsAnError()
    {
        var result = Run(PassThrough("{'t': 0, 'send': 'InStream', 'data': ['IBM', 'cheap', 1]}", "{'streams': {}, 'queries': {}}"));

        Assert.That(result.Detail, Is.EqualTo("runtime at step 1 (t=0): FormatException: The value \"cheap\" cannot be a float."));
    }

    [Test]
    public void ARejectedAppPassesWhenCreatingItThrows()
    {
        var rejected = Rejected("REJECT_AT_CREATE");

        var pass = CaseJudge.Judge(rejected, CaseExecutor.Execute(rejected, o => new RejectingApp(o)));
        var fail = CaseJudge.Judge(rejected, CaseExecutor.Execute(rejected, o => new PassThroughApp(o)));

        Assert.That(pass.Status, Is.EqualTo(CaseStatus.Pass));
        Assert.That(pass.Detail, Is.EqualTo("rejected at create: InvalidOperationException: RejectingApp is invalid"));
        Assert.That(fail.Status, Is.EqualTo(CaseStatus.Fail));
    }

    [Test]
    public void AnAcceptedAppWhoseCreationThrowsIsAnError()
    {
        var testCase = PassThrough("", "{'streams': {}, 'queries': {}}");

        var result = CaseJudge.Judge(testCase, CaseExecutor.Execute(testCase, o => new RejectingApp(o)));

        Assert.That(result.Status, Is.EqualTo(CaseStatus.Error));
        Assert.That(result.Actual.Error, Is.EqualTo("create: InvalidOperationException: RejectingApp is invalid"));
    }

    [Test]
    public void TheActualLineHoldsWhatTheEngineEmitted()
    {
        var testCase = PassThrough(Steps, Expect, end: 1200);

        var line = ReportWriter.ActualLine(testCase, CaseExecutor.Execute(testCase, o => new PassThroughApp(o)));

        Assert.That(line, Is.EqualTo(
            "{\"id\":\"test#passThrough\",\"expect\":{\"streams\":{\"OutStream\":[[\"IBM\",700.0,100],[\"WSO2\",60.5,200],[\"ORCL\",55.6,300],[\"IBM\",700.0,100]]}," +
            "\"queries\":{\"query1\":{\"in\":[[\"IBM\",700.0,100],[\"WSO2\",60.5,200],[\"ORCL\",55.6,300]],\"removed\":[[\"IBM\",700.0,100]]}}}," +
            "\"results\":[[[\"IBM\",700.0,100],[\"WSO2\",60.5,200],[\"ORCL\",55.6,300]]],\"error\":null}"));
    }
}
