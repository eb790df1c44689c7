using SiddhiGen.Conformance.Cases;

namespace SiddhiGen.Conformance.Tests;

public class CaseReaderTests
{
    [Test]
    public void ParsesEveryStepKindAndTheExpectations()
    {
        var c = TestCases.Parse("""
            {'id': 'query.window.X#t1', 'area': 'window', 'app': 'define stream S (a int);', 'base': 1000,
             'steps': [{'t': 0, 'send': 'S', 'data': [1]},
                       {'t': 100, 'send': 'S', 'batch': [[2], [3]]},
                       {'t': 900, 'query': 'from T select a', 'result': [[1], [2]]}],
             'end': 1100,
             'expect': {'streams': {'O': [[1], [2]]}, 'queries': {'query1': {'in': [[1]], 'removed': [[2]]}}},
             'error': null, 'unordered': true}
            """, index: 7);

        Assert.Multiple(() =>
        {
            Assert.That(c.Id, Is.EqualTo("query.window.X#t1"));
            Assert.That(c.Area, Is.EqualTo("window"));
            Assert.That(c.Base, Is.EqualTo(1000));
            Assert.That(c.End, Is.EqualTo(1100));
            Assert.That(c.Namespace, Is.EqualTo("Conformance.C0007"));
            Assert.That(c.Unordered, Is.True);
            Assert.That(c.IsRejected, Is.False);
            Assert.That(c.HasExpectedRows, Is.True);
            Assert.That(c.Steps.Select(s => s.Kind), Is.EqualTo(new[] { StepKind.Send, StepKind.SendChunk, StepKind.Query }));
            Assert.That(c.Steps[1].Rows, Has.Length.EqualTo(2));
            Assert.That(c.Steps[2].Target, Is.EqualTo("from T select a"));
            Assert.That(c.Steps[2].T, Is.EqualTo(900));
            Assert.That(c.Expect.Streams.Single().Name, Is.EqualTo("O"));
            Assert.That(c.Expect.Queries.Single().Removed.Single()[0].GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public void ARejectedCaseKeepsItsErrorAndHasNoRows()
    {
        var c = TestCases.Rejected("define stream");

        Assert.That(c.IsRejected, Is.True);
        Assert.That(c.Error, Does.StartWith("SiddhiAppCreationException"));
        Assert.That(c.HasExpectedRows, Is.False);
        Assert.That(c.Unordered, Is.False);
    }

    [Test]
    public void ReadsFilesNumberingCasesAcrossFilesAndNamingTheBadLine()
    {
        var first = Path.GetTempFileName();
        var second = Path.GetTempFileName();
        try
        {
            var json = "{\"id\": \"a#1\", \"area\": \"x\", \"app\": \"A\", \"base\": 0, \"steps\": [], \"end\": 0, \"expect\": {\"streams\": {}, \"queries\": {}}, \"error\": null}";
            File.WriteAllLines(first, [json, "", json.Replace("a#1", "a#2", StringComparison.Ordinal)]);
            File.WriteAllLines(second, [json.Replace("a#1", "b#1", StringComparison.Ordinal)]);

            var cases = CaseReader.ReadFiles([first, second]);

            Assert.That(cases.Select(c => (c.Id, c.Index)), Is.EqualTo(new[] { ("a#1", 0), ("a#2", 1), ("b#1", 2) }));

            File.WriteAllLines(second, [json, "{\"id\": 5}"]);
            Assert.That(() => CaseReader.ReadFiles([second]), Throws.TypeOf<FormatException>().With.Message.Contains("(2)"));
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Test]
    public void ReadsTheWholeCorpusWhenItIsAvailable()
    {
        var corpus = TestPaths.Corpus ?? throw new IgnoreException("The conformance corpus is not available here.");

        var cases = CaseReader.ReadFiles([corpus]);

        Assert.That(cases, Has.Count.EqualTo(1487));
        Assert.That(cases.Count(c => c.IsRejected), Is.EqualTo(227));
        Assert.That(cases.Count(c => c.Unordered), Is.EqualTo(165));
        Assert.That(cases.Select(c => c.Id).Distinct().Count(), Is.EqualTo(cases.Count));
    }
}
