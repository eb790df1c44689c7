using SiddhiGen.Conformance.Reporting;

namespace SiddhiGen.Conformance.Tests;

public class RatchetTests
{
    private static readonly SortedSet<string> s_listed = new(["a#1", "b#1", "c#1"], StringComparer.Ordinal);

    [Test]
    public void ListedIdsThatStillPassAreFine()
    {
        var check = Ratchet.Check(s_listed, [("a#1", true, ""), ("b#1", true, ""), ("c#1", true, ""), ("d#1", false, "fail: x")], allCasesRan: true);

        Assert.That(check.Failed, Is.False);
        Assert.That(check.NewlyPassing, Is.Empty);
    }

    [Test]
    public void AListedIdThatFailsOrIsMissingFailsTheRatchet()
    {
        var check = Ratchet.Check(s_listed, [("a#1", true, ""), ("b#1", false, "fail: stream 'O' row 1")], allCasesRan: true);

        Assert.That(check.Failed, Is.True);
        Assert.That(check.Regressions, Is.EqualTo(new[] { ("b#1", "fail: stream 'O' row 1"), ("c#1", "not found among the cases") }));
    }

    [Test]
    public void ListedIdsLeftOutByAFilterAreNotFailures()
    {
        var check = Ratchet.Check(s_listed, [("a#1", true, "")], allCasesRan: false);

        Assert.That(check.Failed, Is.False);
        Assert.That(check.NotRun, Is.EqualTo(new[] { "b#1", "c#1" }));
    }

    [Test]
    public void ReportsPassingIdsThatAreNotListedSorted()
    {
        var check = Ratchet.Check(s_listed, [("z#1", true, ""), ("a#1", true, ""), ("b#1", true, ""), ("c#1", true, ""), ("e#1", true, ""), ("f#1", false, "")], allCasesRan: true);

        Assert.That(check.NewlyPassing, Is.EqualTo(new[] { "e#1", "z#1" }));
    }

    [Test]
    public void UpdateAddsSortsAndNeverRemoves()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# known passing", "m#1", "", "b#1"]);

            var added = Ratchet.Update(path, ["c#1", "b#1", "A#1"]);

            Assert.That(added, Is.EqualTo(2));
            Assert.That(File.ReadAllLines(path), Is.EqualTo(new[] { "A#1", "b#1", "c#1", "m#1" }));
            Assert.That(Ratchet.Read(path), Has.Count.EqualTo(4));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void AMissingFileIsAnEmptyList() =>
        Assert.That(Ratchet.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".txt")), Is.Empty);

    [Test]
    public void TheTeamsListIsSorted()
    {
        var lines = File.ReadAllLines(TestPaths.KnownPassing).Where(l => l.Length > 0).ToList();

        Assert.That(lines, Is.EqualTo(lines.Order(StringComparer.Ordinal).Distinct().ToList()));
    }
}
