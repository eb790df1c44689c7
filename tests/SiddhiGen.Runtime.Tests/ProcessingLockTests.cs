namespace SiddhiGen.Runtime.Tests;

/// <summary>
/// The app's biased processing lock: exclusive across threads, reentrant, and biased to the first thread until a
/// second one takes it. These tests check behaviour only (who is inside, in what order), never speed.
/// </summary>
public sealed class ProcessingLockTests
{
    [Test]
    public void IsReentrantOnOneThreadAndStaysBiasedToIt()
    {
        var processingLock = new ProcessingLock();
        using (processingLock.Enter())
        {
            using (processingLock.Enter())
            {
                using (processingLock.Enter())
                {
                }
            }
        }

        for (var i = 0; i < 3; i++)
        {
            using (processingLock.Enter())
            using (processingLock.Enter())
            {
            }
        }

        Assert.That(processingLock.IsShared, Is.False);
    }

    [Test]
    public void ExcludesOtherThreadsBeforeAndAfterTheBiasIsRevoked()
    {
        var processingLock = new ProcessingLock();
        var inside = 0;
        var overlaps = 0;
        long counter = 0;
        const int PerThread = 20_000;

        void Work()
        {
            for (var i = 0; i < PerThread; i++)
            {
                using (processingLock.Enter())
                {
                    if (Interlocked.Increment(ref inside) != 1)
                    {
                        Interlocked.Increment(ref overlaps);
                    }

                    // A non-atomic read-modify-write: any two threads inside at once would lose updates.
                    var value = counter;
                    if (i % 64 == 0)
                    {
                        Thread.SpinWait(20);
                    }

                    counter = value + 1;

                    // Reentrancy from inside, whichever path the outer entry took.
                    using (processingLock.Enter())
                    {
                        counter++;
                    }

                    Interlocked.Decrement(ref inside);
                }
            }
        }

        // The first thread owns the bias; the others revoke it while it may be inside.
        var threads = Enumerable.Range(0, 3).Select(_ => new Thread(Work)).ToList();
        threads[0].Start();
        Thread.Sleep(5);
        threads[1].Start();
        threads[2].Start();
        threads.ForEach(t => t.Join());

        Assert.That(overlaps, Is.Zero);
        Assert.That(counter, Is.EqualTo(3L * PerThread * 2));
        Assert.That(processingLock.IsShared, Is.True);
    }

    [Test]
    public void AnExceptionInsideLeavesTheLock()
    {
        var processingLock = new ProcessingLock();
        Assert.Throws<InvalidOperationException>(() =>
        {
            using (processingLock.Enter())
            {
                throw new InvalidOperationException("boom");
            }
        });

        // Another thread can now enter: the owner is not left inside.
        var entered = false;
        var other = new Thread(() =>
        {
            using (processingLock.Enter())
            {
                entered = true;
            }
        });
        other.Start();
        Assert.That(other.Join(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(entered, Is.True);
    }

    [Test]
    public void AThreadHoldingTheLockBeforeAnyBiasExcludesTheFirstSender()
    {
        var processingLock = new ProcessingLock();
        var order = new List<string>();
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = new Thread(() =>
        {
            using (processingLock.Enter())
            {
                holding.Set();
                release.Wait();
                lock (order)
                {
                    order.Add("holder");
                }
            }
        });
        holder.Start();
        holding.Wait();

        var sender = new Thread(() =>
        {
            using (processingLock.Enter())
            {
                lock (order)
                {
                    order.Add("sender");
                }
            }
        });
        sender.Start();
        Thread.Sleep(20);
        release.Set();
        holder.Join();
        sender.Join();

        Assert.That(order, Is.EqualTo(new[] { "holder", "sender" }));
    }
}

/// <summary>An app driven through its stream from several threads: every event is processed, one at a time.</summary>
public sealed class ConcurrentSendTests
{
    [Test]
    public void SendsFromSeveralThreadsAreSerialisedWithEachOther()
    {
        using var app = new CountingApp();
        app.Start();
        var threads = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                app.Input.Send(1, in i);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.That(app.Counter.Count, Is.EqualTo(30_000));
        Assert.That(app.Counter.Overlaps, Is.Zero);
    }

    private sealed class CountingApp : SiddhiApp
    {
        public CountingApp()
            : base("Counting", new SiddhiAppOptions { Clock = new VirtualClock(0) }, playback: false)
        {
            Input = DefineStream<int>(new StreamSchema("S", [new("n", SiddhiType.Int)]), row => (int)row[0]!, n => [n]);
            Input.AddReceiver(Counter);
        }

        public InputStream<int> Input { get; }

        public Counting Counter { get; } = new();
    }

    private sealed class Counting : IStreamReceiver<int>
    {
        private int _inside;

        public int Count { get; private set; }

        public int Overlaps { get; private set; }

        public void Receive(ReadOnlySpan<StreamEvent<int>> chunk)
        {
            if (Interlocked.Increment(ref _inside) != 1)
            {
                Overlaps++;
            }

            Count += chunk.Length;
            Interlocked.Decrement(ref _inside);
        }
    }
}
