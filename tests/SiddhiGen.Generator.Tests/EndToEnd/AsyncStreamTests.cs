using SiddhiGen.Runtime;

namespace SiddhiGen.Generator.Tests.EndToEnd;

/// <summary>
/// <c>@Async</c> streams: a send buffers its events and returns; a worker thread delivers them in arrival order, up
/// to <c>batch.size.max</c> events per chunk; <see cref="SiddhiApp.Drain"/> waits for it; errors are logged, not thrown.
/// </summary>
public sealed class AsyncStreamTests
{
    [Test]
    public void EventsAreDeliveredOnAWorkerThreadInArrivalOrder()
    {
        using var app = new AppHarness("""
            @Async(buffer.size = '4', workers = '2', batch.size.max = '3')
            define stream In (v int);
            from In[v > 0] select v insert into Out;
            """, streams: ["Out"]);
        var threads = new HashSet<int>();
        using var watcher = app.App.Subscribe("Out", _ => threads.Add(Environment.CurrentManagedThreadId));

        for (var v = 1; v <= 50; v++)
        {
            app.App.Send("In", AppHarness.Base, [v]);
        }

        Assert.Multiple(() =>
        {
            Assert.That(app.App.Drain(TimeSpan.FromSeconds(10)), Is.True);
            Assert.That(app.Rows("Out").Select(r => (int)r[0]!), Is.EqualTo(Enumerable.Range(1, 50)));
            Assert.That(threads, Does.Not.Contain(Environment.CurrentManagedThreadId), "the worker delivered, not the sender");
        });
    }

    [Test]
    public void AChunkHoldsAtMostBatchSizeMaxEvents()
    {
        using var app = new AppHarness("""
            @Async(buffer.size = '64', batch.size.max = '2')
            define stream In (v int);
            @info(name = 'counted')
            from In select count() as n insert into Counts;
            """, queries: ["counted"]);

        app.App.SendChunk("In", AppHarness.Base, [[1], [2], [3], [4], [5]]);

        Assert.Multiple(() =>
        {
            Assert.That(app.App.Drain(TimeSpan.FromSeconds(10)), Is.True);
            Assert.That(app.Results("counted"), Has.All.Matches<QueryResult>(r => r.Current.Length == 1), "an aggregating query outputs one row per chunk");
            Assert.That(app.Results("counted").Last().Current[0][0], Is.EqualTo(5L));
            Assert.That(app.Results("counted"), Has.Count.InRange(3, 5), "five events in chunks of at most two");
        });
    }

    [Test]
    public void AnErrorOnTheWorkerIsLoggedAndTheNextEventsStillArrive()
    {
        using var app = new AppHarness("""
            @Async(buffer.size = '8')
            define stream In (v int);
            from In select v insert into Out;
            """, streams: ["Out"]);
        using var failing = app.App.Subscribe("Out", e =>
        {
            if ((int)e.Data[0]! == 2)
            {
                throw new InvalidOperationException("receiver fails on 2");
            }
        });

        foreach (var v in new[] { 1, 2, 3 })
        {
            app.App.Send("In", AppHarness.Base, [v]);
            app.App.Drain(TimeSpan.FromSeconds(10));
        }

        Assert.Multiple(() =>
        {
            Assert.That(app.Rows("Out").Select(r => (int)r[0]!), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(app.App.ProcessingErrors, Is.EqualTo(1));
        });
    }

    [Test]
    public void ShutdownDeliversWhatTheBufferHolds()
    {
        var app = new AppHarness("""
            @Async(buffer.size = '1024')
            define stream In (v int);
            from In select v insert into Out;
            """, streams: ["Out"]);
        for (var v = 1; v <= 200; v++)
        {
            app.App.Send("In", AppHarness.Base, [v]);
        }

        app.Dispose();

        Assert.That(app.Rows("Out"), Has.Count.EqualTo(200));
    }

    [Test]
    public void TheGeneratedAppMakesTheAnnotatedStreamAsynchronous()
    {
        var result = GeneratedApp.Generate("""
            @Async(buffer.size = '16', workers = '2', batch.size.max = '4')
            define stream In (v int);
            from In select v insert into Out;
            """);

        Assert.That(result.Source, Does.Contain("_in.UseAsyncDelivery(bufferSize: 16, batchSizeMax: 4);"));
    }
}
