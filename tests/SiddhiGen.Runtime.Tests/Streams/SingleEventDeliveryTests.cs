namespace SiddhiGen.Runtime.Tests.Streams;

/// <summary>
/// A stream hands an event sent on its own straight to receivers that take single events (generated operators),
/// and as a chunk of one as soon as any receiver takes chunks only; either way every receiver gets every event.
/// </summary>
public sealed class SingleEventDeliveryTests
{
    [Test]
    public void ReceiversThatTakeSingleEventsGetThemByReference()
    {
        using var app = new OneStreamApp();
        var operatorA = new SingleEventRecorder();
        var operatorB = new SingleEventRecorder();
        app.Input.AddReceiver(operatorA);
        app.Input.AddReceiver(operatorB);

        app.Input.Send(10, 1);
        app.Input.Send(20, 2);

        Assert.Multiple(() =>
        {
            Assert.That(operatorA.Singles, Is.EqualTo(new[] { (10L, 1), (20L, 2) }));
            Assert.That(operatorB.Singles, Is.EqualTo(new[] { (10L, 1), (20L, 2) }));
            Assert.That(operatorA.Chunks, Is.Empty);
        });
    }

    [Test]
    public void OneChunkReceiverMakesEveryReceiverTakeAChunkOfOneUntilItLeaves()
    {
        using var app = new OneStreamApp();
        var single = new SingleEventRecorder();
        var chunks = new List<(long, int)>();
        app.Input.AddReceiver(single);
        var subscription = app.Input.Subscribe((timestamp, n) => chunks.Add((timestamp, n)));

        app.Input.Send(10, 1);
        subscription.Dispose();
        app.Input.Send(20, 2);

        Assert.Multiple(() =>
        {
            Assert.That(single.Chunks, Is.EqualTo(new[] { (10L, 1) }), "with a chunk receiver subscribed, the event came as a chunk of one");
            Assert.That(single.Singles, Is.EqualTo(new[] { (20L, 2) }), "once it left, single events by reference again");
            Assert.That(chunks, Is.EqualTo(new[] { (10L, 1) }));
        });
    }

    [Test]
    public void ChunksReachSingleEventReceiversAsChunks()
    {
        using var app = new OneStreamApp();
        var single = new SingleEventRecorder();
        app.Input.AddReceiver(single);

        app.Input.Send(30, [1, 2]);

        Assert.Multiple(() =>
        {
            Assert.That(single.Chunks, Is.EqualTo(new[] { (30L, 1), (30L, 2) }));
            Assert.That(single.Singles, Is.Empty);
        });
    }

    private sealed class OneStreamApp : SiddhiApp
    {
        public OneStreamApp()
            : base("OneStream", new SiddhiAppOptions { Clock = new VirtualClock(0) }, playback: false)
        {
            Input = DefineStream<int>(new StreamSchema("S", [new("n", SiddhiType.Int)]), row => (int)row[0]!, n => [n]);
            Start();
        }

        public InputStream<int> Input { get; }
    }

    private sealed class SingleEventRecorder : IEventReceiver<int>
    {
        public List<(long Timestamp, int Value)> Singles { get; } = [];

        public List<(long Timestamp, int Value)> Chunks { get; } = [];

        public void Receive(long timestamp, in int data) => Singles.Add((timestamp, data));

        public void Receive(ReadOnlySpan<StreamEvent<int>> chunk)
        {
            foreach (ref readonly var e in chunk)
            {
                Chunks.Add((e.Timestamp, e.Data));
            }
        }
    }
}
