namespace SiddhiGen.Runtime.Tests;

public sealed class ClockTests
{
    private sealed class Recorder(VirtualClock clock, List<(long Due, long Now)> log, long? reschedule = null) : ITimerTarget
    {
        public void OnTimer(long dueTime)
        {
            log.Add((dueTime, clock.Now));
            if (reschedule is { } next && dueTime < next)
            {
                clock.Schedule(next, this);
            }
        }
    }

    [Test]
    public void VirtualClockFiresDueTimersInTimeOrderWithTheClockAtEachDueTime()
    {
        var clock = new VirtualClock(1000);
        var log = new List<(long, long)>();
        clock.Schedule(1300, new Recorder(clock, log));
        clock.Schedule(1100, new Recorder(clock, log));
        clock.Schedule(1200, new Recorder(clock, log, reschedule: 1250));

        clock.AdvanceTo(1260);

        Assert.That(log, Is.EqualTo(new[] { (1100L, 1100L), (1200L, 1200L), (1250L, 1250L) }));
        Assert.That(clock.Now, Is.EqualTo(1260));
        Assert.That(clock.PendingTimers, Is.EqualTo(1));
    }

    [Test]
    public void VirtualClockNeverMovesBackwards()
    {
        var clock = new VirtualClock(1000);
        clock.AdvanceTo(900);
        Assert.That(clock.Now, Is.EqualTo(1000));
    }
}
