namespace SiddhiGen.Runtime.Tests;

public sealed class EventQueueTests
{
    private static StreamEvent<TestEvent> Ev(string symbol, long ts = 0) => new(ts, new TestEvent(symbol));

    private static string[] Symbols(EventQueue<TestEvent> queue) => queue.Span.ToArray().Select(e => e.Data.ToString()).ToArray();

    [Test]
    public void IsFirstInFirstOutAndContiguous()
    {
        var queue = new EventQueue<TestEvent>(2);
        for (var i = 0; i < 100; i++)
        {
            queue.Enqueue(Ev("e" + i));
            if (i % 3 == 0)
            {
                queue.Dequeue();
            }
        }

        Assert.That(queue.Count, Is.EqualTo(66));
        Assert.That(queue.First.Data.Symbol, Is.EqualTo("e34"));
        Assert.That(queue.Last.Data.Symbol, Is.EqualTo("e99"));
        Assert.That(queue.Span.Length, Is.EqualTo(66));
        Assert.That(queue[1].Data.Symbol, Is.EqualTo("e35"));
    }

    [Test]
    public void DequeueToEmptyRestartsAtTheFront()
    {
        var queue = new EventQueue<TestEvent>(4);
        queue.Enqueue(Ev("A"));
        queue.Dequeue();
        Assert.That(queue.IsEmpty, Is.True);
        queue.Enqueue(Ev("B"));
        Assert.That(Symbols(queue), Is.EqualTo(new[] { "B" }));
    }

    [Test]
    public void InsertAndRemoveKeepTheOrder()
    {
        var queue = new EventQueue<TestEvent>(2);
        queue.Enqueue(Ev("B"));
        queue.Enqueue(Ev("D"));
        queue.Insert(0, Ev("A"));
        queue.Insert(2, Ev("C"));
        queue.Insert(4, Ev("E"));
        Assert.That(Symbols(queue), Is.EqualTo(new[] { "A", "B", "C", "D", "E" }));
        queue.RemoveAt(2);
        queue.RemoveLast();
        queue.RemoveAt(0);
        Assert.That(Symbols(queue), Is.EqualTo(new[] { "B", "D" }));
        queue.Dequeue();
        queue.Insert(0, Ev("Z"));
        Assert.That(Symbols(queue), Is.EqualTo(new[] { "Z", "D" }));
    }

    [Test]
    public void EnqueueRangeReplacesTheKind()
    {
        var queue = new EventQueue<TestEvent>();
        queue.EnqueueRange([Ev("A", 5), Ev("B", 6)], EventKind.Expired);
        Assert.That(queue.Span.ToArray().Select(e => (e.Kind, e.Timestamp)), Is.EqualTo(new[] { (EventKind.Expired, 5L), (EventKind.Expired, 6L) }));
        queue.Clear();
        Assert.That(queue.Count, Is.Zero);
    }

    [Test]
    public void SlidingUseDoesNotGrowTheStorage()
    {
        var queue = new EventQueue<TestEvent>(8);
        for (var i = 0; i < 8; i++)
        {
            queue.Enqueue(Ev("x"));
        }

        void Slide(int n)
        {
            for (var i = 0; i < n; i++)
            {
                queue.Dequeue();
                queue.Enqueue(Ev("x"));
            }
        }

        Slide(10_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Slide(10_000);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(queue.Count, Is.EqualTo(8));
    }
}
