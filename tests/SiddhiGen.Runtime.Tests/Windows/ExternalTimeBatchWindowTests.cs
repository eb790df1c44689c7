namespace SiddhiGen.Runtime.Tests;

public sealed class ExternalTimeBatchWindowTests
{
    private const long Base = 1_577_836_800_000;

    private static WindowHarness Create(
        long time,
        ExternalTimeBatchStart startMode = ExternalTimeBatchStart.FirstEvent,
        long startTime = 0,
        long timeout = 0,
        bool replace = false,
        bool outputExpired = false,
        bool findable = false)
        => WindowHarness.Create(
            (clock, timer) => new ExternalTimeBatchWindow<TestEvent, TsOf, VolumeOf>(clock, timer, time, startMode, startTime, timeout, replace, outputExpired, findable),
            Base);

    private static TestEvent At(string symbol, long ts, long volume = 0) => new(symbol, Volume: volume, Ts: ts);

    private static List<string> Counts(WindowHarness h)
        => MiniSelector.Aggregate<MiniSelector.CountRows, double?>(h.Chunks, _ => 1, MiniSelector.Format, EventKind.Current);

    [Test]
    public void AnEventPastTheBatchEndFlushesTheBatch()
    {
        var h = Create(1000, outputExpired: true);
        h.Send(Base, At("A", 100), At("B", 900), At("C", 1100), At("D", 2500));
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A +B", "-A -B R +C" }));
        Assert.That(h.ContentSymbols, Is.EqualTo(new[] { "C" }));
    }

    [Test]
    public void ConstantStartTimeAlignsBatches()
    {
        var h = Create(1000, ExternalTimeBatchStart.Constant, startTime: 0);
        h.Send(Base, At("A", 1500), At("B", 1999), At("C", 2000));
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A +B" }));
    }

    [Test]
    public void AttributeStartTimeIsReadFromTheFirstEvent()
    {
        var h = Create(1000, ExternalTimeBatchStart.Attribute);
        h.Send(Base, At("A", 1500, volume: 1200), At("B", 2150, volume: 0), At("C", 2250));
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A +B" }), "first batch is [1200, 2200)");
    }

    [Test]
    public void ReplaceWithBatchTimeRewritesTheTimestampAttribute()
    {
        var h = Create(1000, ExternalTimeBatchStart.Constant, replace: true);
        h.Send(Base, At("A", 1500), At("B", 2100));
        Assert.That(h.Chunks[0].Events[1].Data.Ts, Is.EqualTo(2000));
    }

    [Test]
    public void ATimeoutFlushesTheOpenBatchAndLateEventsReemitIt()
    {
        var h = Create(1000, ExternalTimeBatchStart.Constant, timeout: 500, outputExpired: true);
        h.Send(Base, At("A", 100), At("B", 200));
        h.AdvanceTo(Base + 500);
        Assert.That(h.Log, Is.EqualTo(new[] { "R +A +B" }));

        h.Send(Base + 600, At("L", 300));
        h.AdvanceTo(Base + 1000);
        Assert.That(h.Log.Last(), Is.EqualTo("-A -B R +A +B +L"));

        h.Send(Base + 1100, At("N", 1200));
        h.AdvanceTo(Base + 1600);
        Assert.That(h.Log.Last(), Is.EqualTo("-A -B -L R +N"));
    }

    /// <summary>Corpus query.window.ExternalTimeBatchWindowTestCase#externalTimeBatchWindowTest10 (timeout 2 sec), count().</summary>
    [Test]
    public void Corpus_ExternalTimeBatchWindowTest10()
    {
        var h = Create(1000, ExternalTimeBatchStart.Constant, timeout: 2000);
        h.Send(Base, At(".3", 1366335804341));
        h.Send(Base, At(".4", 1366335804599));
        h.Send(Base, At(".5", 1366335804600));
        h.Send(Base, At(".6", 1366335804607));
        h.Send(Base, At(".4b", 1366335805599));
        h.Send(Base, At(".5b", 1366335805600));
        h.Send(Base, At(".6b", 1366335805607));
        h.Send(Base + 2100, At(".7", 1366335805606));
        h.Send(Base + 2100, At(".8", 1366335805605));
        h.Send(Base + 4200, At(".91", 1366335805606));
        h.Send(Base + 4200, At(".92", 1366335805605));
        h.Send(Base + 4200, At(".9", 1366335806606));
        h.Send(Base + 4200, At(".10", 1366335806690));
        h.AdvanceTo(Base + 7200);
        Assert.That(Counts(h), Is.EqualTo(new[] { "+4", "+3", "+5", "+7", "+2" }));
        var lastOfEachChunk = h.Chunks.Select(c => c.Events[^1].Data.Symbol).ToList();
        Assert.That(lastOfEachChunk, Is.EqualTo(new[] { ".6", ".6b", ".8", ".92", ".10" }));
    }

    /// <summary>Corpus #externalTimeBatchWindowTest11: the same input without a timeout.</summary>
    [Test]
    public void Corpus_ExternalTimeBatchWindowTest11()
    {
        var h = Create(1000, ExternalTimeBatchStart.Constant);
        long[] times = [1366335804341, 1366335804599, 1366335804600, 1366335804607, 1366335805599, 1366335805600, 1366335805607, 1366335805606, 1366335805605, 1366335805606, 1366335805605, 1366335806606, 1366335806690];
        foreach (var ts in times)
        {
            h.Send(Base, At(ts.ToString(System.Globalization.CultureInfo.InvariantCulture)[^3..], ts));
        }

        h.AdvanceTo(Base + 7200);
        Assert.That(Counts(h), Is.EqualTo(new[] { "+4", "+7" }));
    }

    /// <summary>Corpus #externalTimeBatchWindowTest16: start 0, timeout 100, replace.with.batchtime.</summary>
    [Test]
    public void Corpus_ExternalTimeBatchWindowTest16()
    {
        var h = Create(1000, ExternalTimeBatchStart.Constant, timeout: 100, replace: true, outputExpired: true);
        long[] times = [1366335804341, 1366335804342, 1366335805341, 1366335814341, 1366335814345, 1366335824341, 1366335824351, 1366335824441];
        foreach (var ts in times)
        {
            h.Send(Base, At(ts.ToString(System.Globalization.CultureInfo.InvariantCulture), ts));
        }

        h.AdvanceTo(Base + 1000);
        Assert.That(Counts(h), Is.EqualTo(new[] { "+2", "+1", "+2", "+3" }));
        var batchTimes = h.Chunks.Select(c => c.Events[^1].Data.Ts).ToList();
        Assert.That(batchTimes, Is.EqualTo(new long?[] { 1366335805000, 1366335806000, 1366335815000, 1366335825000 }));
    }

    /// <summary>Corpus #externalTimeBatchWindowTest14: start.time given as the timestamp attribute itself.</summary>
    [Test]
    public void Corpus_ExternalTimeBatchWindowTest14()
    {
        var h = WindowHarness.Create(
            (clock, timer) => new ExternalTimeBatchWindow<TestEvent, TsOf, TsOf>(clock, timer, 1000, ExternalTimeBatchStart.Attribute),
            Base);
        long[] times = [1366335804341, 1366335804342, 1366335805340, 1366335814341, 1366335814345, 1366335824341];
        foreach (var ts in times)
        {
            h.Send(Base, At(ts.ToString(System.Globalization.CultureInfo.InvariantCulture), ts));
        }

        h.AdvanceTo(Base + 1000);
        Assert.That(Counts(h), Is.EqualTo(new[] { "+3", "+2" }));
    }
}
