using Microsoft.Extensions.Logging.Abstractions;
using SiddhiGen.Runtime;

namespace SiddhiWorker.Tests;

/// <summary>
/// The app of App.siddhi on a virtual clock: time moves only when the test says so, so the one-minute
/// window is tested in microseconds and never depends on the machine's speed.
/// </summary>
public class SensorAppTests
{
    [Test]
    public void EachAverageCoversTheSensorsReadingsOfTheLastMinute()
    {
        var clock = new VirtualClock(start: 0, advanceOnEvents: false);
        using var app = new SensorApp(new SiddhiAppOptions { Clock = clock, LoggerFactory = NullLoggerFactory.Instance });
        var averages = new List<(string? Sensor, double? Average)>();
        app.AverageStream.Subscribe(e => averages.Add((e.SensorId, e.AvgTemperature)));
        app.Start();

        app.ReadingStream.Send(new ReadingStreamEvent("s1", 20));
        clock.AdvanceTo(30_000);
        app.ReadingStream.Send(new ReadingStreamEvent("s1", 30));
        app.ReadingStream.Send(new ReadingStreamEvent("s2", 10));
        clock.AdvanceTo(100_000); // both readings of s1 are now more than a minute old
        app.ReadingStream.Send(new ReadingStreamEvent("s1", 40));

        Assert.That(averages, Is.EqualTo(new (string?, double?)[] { ("s1", 20), ("s1", 25), ("s2", 10), ("s1", 40) }));
    }
}
