namespace SiddhiGen.Runtime.Tests;

public sealed class LogicalAggregatorTests
{
    [Test]
    public void AndIsTrueOnlyWithTrueValuesAndNoFalseOnes()
    {
        var and = new AndAggregator();
        Assert.That(and.Value, Is.False, "false when empty");
        and.Add(true);
        Assert.That(and.Value, Is.True);
        and.Add(false);
        Assert.That(and.Value, Is.False);
        and.Remove(false);
        Assert.That(and.Value, Is.True);
        and.Remove(true);
        Assert.That(and.Value, Is.False);
        and.Add(true);
        and.Reset();
        Assert.That(and.Value, Is.False);
    }

    [Test]
    public void OrIsTrueWithAnyTrueValue()
    {
        var or = new OrAggregator();
        Assert.That(or.Value, Is.False);
        or.Add(false);
        Assert.That(or.Value, Is.False);
        or.Add(true);
        Assert.That(or.Value, Is.True);
        or.Remove(true);
        Assert.That(or.Value, Is.False);
        or.Add(true);
        or.Reset();
        Assert.That(or.Value, Is.False);
    }

    [Test]
    public void NullArgumentsThrowAsInSiddhi()
    {
        var and = new AndAggregator();
        var or = new OrAggregator();
        Assert.That(() => and.Add(null), Throws.InvalidOperationException);
        Assert.That(() => or.Remove(null), Throws.InvalidOperationException);
    }

    /// <summary>Corpus query.aggregator.AndAggregatorExtensionTestCase#testAndAggregatorMoreEventsBatchScenario: lengthBatch(2).</summary>
    [Test]
    public void Corpus_AndOverLengthBatches()
    {
        var h = WindowHarness.Create((clock, _) => new LengthBatchWindow<TestEvent>(clock, 2, outputExpired: true));
        foreach (var flag in new[] { false, true, true, true })
        {
            h.Send(0, new TestEvent(flag ? "T" : "F"));
        }

        var and = new AndAggregator();
        var rows = new List<bool>();
        foreach (var chunk in h.Chunks)
        {
            foreach (var e in chunk.Events)
            {
                switch (e.Kind)
                {
                    case EventKind.Current: and.Add(e.Data.Symbol == "T"); break;
                    case EventKind.Expired: and.Remove(e.Data.Symbol == "T"); break;
                    case EventKind.Reset: and.Reset(); break;
                }
            }

            rows.Add(and.Value);
        }

        Assert.That(rows, Is.EqualTo(new[] { false, true }));
    }
}
