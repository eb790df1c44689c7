namespace SiddhiGen.Conformance.Tests;

public class CommandLineTests
{
    [Test]
    public void ParsesTheContractOptions()
    {
        var line = CommandLine.Parse(["--area", "win", "--compile-only", "--report", "r.json", "--actual", "a.jsonl", "--ratchet", "k.txt", "x.jsonl", "y.jsonl"]);

        Assert.Multiple(() =>
        {
            Assert.That(line.Area, Is.EqualTo("win"));
            Assert.That(line.CompileOnly, Is.True);
            Assert.That(line.ReportPath, Is.EqualTo("r.json"));
            Assert.That(line.ActualPath, Is.EqualTo("a.jsonl"));
            Assert.That(line.RatchetPath, Is.EqualTo("k.txt"));
            Assert.That(line.CaseFiles, Is.EqualTo(new[] { "x.jsonl", "y.jsonl" }));
            Assert.That(line.IsFiltered, Is.True);
        });
    }

    [Test]
    public void ParsesTheRestoreEachStepMode()
    {
        Assert.That(CommandLine.Parse(["--restore-each-step", "--area", "window", "c.jsonl"]).RestoreEachStep, Is.True);
        Assert.That(CommandLine.Parse(["c.jsonl"]).RestoreEachStep, Is.False);
    }

    [Test]
    public void ParsesTheTuningOptions()
    {
        var line = CommandLine.Parse(["--update-ratchet", "k.txt", "--timeout", "3", "--batch-size", "10", "--jobs", "1", "--id", "Length", "--emit", "out", "--verbose", "c.jsonl"]);

        Assert.That((line.UpdateRatchetPath, line.TimeoutSeconds, line.BatchSize, line.Jobs, line.IdFilter, line.EmitDirectory, line.Verbose),
            Is.EqualTo(("k.txt", 3d, 10, 1, "Length", "out", true)));
    }

    [TestCase("--area")]
    [TestCase("--bogus", "c.jsonl")]
    [TestCase("--timeout", "0", "c.jsonl")]
    [TestCase("--compile-only", "--update-ratchet", "k.txt", "c.jsonl")]
    [TestCase("--compile-only")]
    public void RejectsBadCommandLines(params string[] args) =>
        Assert.That(() => CommandLine.Parse(args), Throws.ArgumentException);
}
