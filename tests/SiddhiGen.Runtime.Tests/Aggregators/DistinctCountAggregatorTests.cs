namespace SiddhiGen.Runtime.Tests;

public sealed class DistinctCountAggregatorTests
{
    [Test]
    public void CountsDistinctValuesUntilTheirLastOccurrenceLeaves()
    {
        var distinct = new DistinctCountAggregator<string?>();
        distinct.Add("WEB_PAGE_1");
        distinct.Add("WEB_PAGE_1");
        distinct.Add("WEB_PAGE_2");
        Assert.That(distinct.Value, Is.EqualTo(2));
        distinct.Remove("WEB_PAGE_1");
        Assert.That(distinct.Value, Is.EqualTo(2));
        distinct.Remove("WEB_PAGE_1");
        Assert.That(distinct.Value, Is.EqualTo(1));
    }

    [Test]
    public void NullCountsAsAValue()
    {
        var distinct = new DistinctCountAggregator<double?>();
        distinct.Add(null);
        distinct.Add(700.0);
        distinct.Add(null);
        Assert.That(distinct.Value, Is.EqualTo(2));
        distinct.Remove(null);
        Assert.That(distinct.Value, Is.EqualTo(2));
        distinct.Remove(null);
        Assert.That(distinct.Value, Is.EqualTo(1));
    }

    [Test]
    public void ResetAndUnknownRemovals()
    {
        var distinct = new DistinctCountAggregator<long?>();
        distinct.Remove(5);
        Assert.That(distinct.Value, Is.Zero);
        distinct.Add(1);
        distinct.Add(2);
        distinct.Reset();
        Assert.That(distinct.Value, Is.Zero);
    }

    /// <summary>Corpus query.selector.attribute.aggregator.DistinctCountAttributeAggregatorExecutorTestCase#distinctCountTest (USER_1 over time(5 sec)).</summary>
    [Test]
    public void Corpus_DistinctCountTest()
    {
        var h = WindowHarness.Create((clock, timer) => new TimeWindow<TestEvent>(clock, timer, 5000));
        (long T, string User, string Page)[] input =
        [
            (0, "USER_1", "WEB_PAGE_1"), (1000, "USER_2", "WEB_PAGE_1"), (2000, "USER_1", "WEB_PAGE_2"), (3000, "USER_2", "WEB_PAGE_2"),
            (4000, "USER_1", "WEB_PAGE_3"), (5000, "USER_1", "WEB_PAGE_1"), (6000, "USER_1", "WEB_PAGE_4"), (7000, "USER_2", "WEB_PAGE_2"),
            (8000, "USER_1", "WEB_PAGE_1"),
        ];
        foreach (var (t, user, page) in input)
        {
            h.Send(t, new TestEvent(user + "|" + page));
        }

        // group by userID: one distinctCount per user, rows where distinctPages > 3.
        var perUser = new Dictionary<string, DistinctCountAggregator<string?>>();
        var rows = new List<string>();
        foreach (var chunk in h.Chunks)
        {
            var last = new Dictionary<string, string>();
            foreach (var e in chunk.Events)
            {
                var parts = e.Data.Symbol!.Split('|');
                if (!perUser.TryGetValue(parts[0], out var distinct))
                {
                    perUser[parts[0]] = distinct = new DistinctCountAggregator<string?>();
                }

                if (e.Kind == EventKind.Current)
                {
                    distinct.Add(parts[1]);
                    last[parts[0]] = $"{parts[0]} {parts[1]} {distinct.Value}";
                }
                else
                {
                    distinct.Remove(parts[1]);
                }
            }

            rows.AddRange(last.Values.Where(r => long.Parse(r.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture) > 3));
        }

        Assert.That(rows, Is.EqualTo(new[] { "USER_1 WEB_PAGE_4 4" }));
    }
}
