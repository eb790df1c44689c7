namespace SiddhiGen.Generator.Tests.EndToEnd;

/// <summary>
/// A receiver that throws cuts its stream's delivery short. The failed event is logged and dropped (Siddhi's
/// behaviour without <c>@OnError</c>), and the streams it was passing through must deliver the next event as usual.
/// </summary>
public sealed class DeliveryAfterErrorTests
{
    private const string PassThrough = """
        define stream In (v int);
        from In select v insert into Out;
        """;

    [Test]
    public void AStreamWhoseReceiverThrewDeliversTheNextEventSentOnItsOwn()
    {
        using var app = new AppHarness(PassThrough, streams: ["Out"]);
        using var failing = app.App.Subscribe("Out", e => ThrowOn(e.Data, 1));

        app.Send(0, "In", 1);
        app.Send(1, "In", 2);

        Assert.Multiple(() =>
        {
            Assert.That(app.Rows("Out"), Is.EqualTo(new[] { new object?[] { 1 }, new object?[] { 2 } }));
            Assert.That(app.App.ProcessingErrors, Is.EqualTo(1));
        });
    }

    [Test]
    public void AStreamWhoseReceiverThrewDeliversTheNextChunk()
    {
        using var app = new AppHarness(PassThrough, streams: ["Out"]);
        using var failing = app.App.Subscribe("Out", e => ThrowOn(e.Data, 1));

        app.SendChunk(0, "In", [1], [2]);
        app.SendChunk(1, "In", [3], [4]);

        Assert.Multiple(() =>
        {
            Assert.That(app.Rows("Out").Select(r => r[0]), Is.EqualTo(new object?[] { 1, 2, 3, 4 }), "receivers before the failing one got the whole first chunk");
            Assert.That(app.App.ProcessingErrors, Is.EqualTo(1));
        });
    }

    [Test]
    public void AFailedSendFromACallbackLeavesTheOuterDeliveryRunning()
    {
        using var app = new AppHarness("""
            define stream In (v int);
            define stream Side (v int);
            from In select v insert into Out;
            from Side select v insert into SideOut;
            """, streams: ["SideOut"]);
        using var failingSide = app.App.Subscribe("SideOut", e => ThrowOn(e.Data, 1));

        // While Out delivers, a callback sends into Side, whose delivery fails; Out's later receivers still get the event.
        using var sender = app.App.Subscribe("Out", e => app.App.Send("Side", AppHarness.Base, e.Data));
        var outRows = new List<object?[]>();
        using var recorder = app.App.Subscribe("Out", e => outRows.Add(e.Data));

        app.Send(0, "In", 1);
        app.Send(1, "In", 2);

        Assert.Multiple(() =>
        {
            Assert.That(outRows, Is.EqualTo(new[] { new object?[] { 1 }, new object?[] { 2 } }));
            Assert.That(app.Rows("SideOut"), Is.EqualTo(new[] { new object?[] { 1 }, new object?[] { 2 } }));
            Assert.That(app.App.ProcessingErrors, Is.EqualTo(1), "only the nested send failed");
        });
    }

    private static void ThrowOn(object?[] row, int value)
    {
        if ((int)row[0]! == value)
        {
            throw new InvalidOperationException($"receiver fails on {value}");
        }
    }
}
