using SiddhiGen.Runtime.Patterns;

namespace SiddhiGen.Runtime.Tests.Patterns;

/// <summary>
/// The runtime state machine on its own, driven as generated code drives it: events as boxed values, conditions as
/// delegates over the match. End-to-end behaviour through the generator is tested in the generator's EndToEnd tests
/// and by the conformance corpus.
/// </summary>
public sealed class StateMachineTests
{
    private const int A = 0;
    private const int B = 1;

    private static StateMachine Machine(VirtualClock clock, StateNode root, List<PatternMatch> completed, long within = -1, bool sequence = false, int slots = 2) =>
        new(clock, sequence, slots, streams: 2, within, root, completed.Add);

    [Test]
    public void AnAbsentLastStepCompletesAtItsDeadlineOnTheClock()
    {
        var clock = new VirtualClock(0);
        var completed = new List<PatternMatch>();
        var machine = Machine(clock, new NextNode(new StreamNode(0, A, null), new AbsentNode(1, B, null, 1000)), completed);
        machine.Start();

        machine.Receive(A, 100, 1.0);
        clock.AdvanceTo(1099);
        Assert.That(completed, Is.Empty);

        clock.AdvanceTo(1100);
        Assert.That(completed, Has.Count.EqualTo(1));
        Assert.That(completed[0].Last(0), Is.EqualTo(1.0));
        Assert.That(completed[0].Timestamp, Is.EqualTo(1100));
        Assert.That(machine.PendingMatches, Is.Zero);
    }

    [Test]
    public void AMatchingArrivalEndsTheWaitAndAnotherOneDoesNot()
    {
        var clock = new VirtualClock(0);
        var completed = new List<PatternMatch>();
        var machine = Machine(clock, new NextNode(
            new EveryNode(new StreamNode(0, A, null)),
            new AbsentNode(1, B, m => (double)m.Last(1)! > (double)m.Last(0)!, 1000)), completed);
        machine.Start();

        machine.Receive(A, 0, 10.0);
        machine.Receive(A, 10, 50.0);
        machine.Receive(B, 500, 20.0); // above 10: ends the first wait only
        clock.AdvanceTo(5000);

        Assert.That(completed.Select(m => m.Last(0)), Is.EqualTo(new object[] { 50.0 }));
        Assert.That(machine.PendingMatches, Is.EqualTo(1), "only the armed every start waits");
    }

    [Test]
    public void EveryAbsentStepFiresOncePerPeriodWithoutEvents()
    {
        var clock = new VirtualClock(0);
        var completed = new List<PatternMatch>();
        var machine = new StateMachine(clock, false, 1, 1, -1, new EveryNode(new AbsentNode(0, 0, null, 1000)), completed.Add);
        machine.Start();

        clock.AdvanceTo(3500);

        Assert.That(completed.Select(m => m.Timestamp), Is.EqualTo(new long[] { 1000, 2000, 3000 }));
    }

    [Test]
    public void EveryAfterTheFirstStepStartsAMatchPerEvent()
    {
        var clock = new VirtualClock(0);
        var completed = new List<PatternMatch>();
        var machine = Machine(clock, new NextNode(new StreamNode(0, A, null), new EveryNode(new StreamNode(1, B, null))), completed);
        machine.Start();

        machine.Receive(A, 0, "a");
        machine.Receive(B, 1, "b1");
        machine.Receive(B, 2, "b2");
        machine.Receive(A, 3, "a2");
        machine.Receive(B, 4, "b3");

        Assert.That(completed.Select(m => $"{m.Last(0)}{m.Last(1)}"), Is.EqualTo(new[] { "ab1", "ab2", "ab3" }));
    }

    [Test]
    public void ACountOnTheLastStepCompletesAtItsMinimum()
    {
        var clock = new VirtualClock(0);
        var completed = new List<PatternMatch>();
        var machine = Machine(clock, new NextNode(new StreamNode(0, A, null), new CountNode(new StreamNode(1, B, null), 2, 3)), completed);
        machine.Start();

        machine.Receive(A, 0, "a");
        machine.Receive(B, 1, "b1");
        machine.Receive(B, 2, "b2");
        machine.Receive(B, 3, "b3");

        Assert.That(completed, Has.Count.EqualTo(1));
        Assert.That(completed[0].All(1), Is.EqualTo(new object[] { "b1", "b2" }));
        Assert.That(completed[0].At(1, -1), Is.EqualTo("b2"));
        Assert.That(completed[0].At(1, 5), Is.Null, "past the end");
    }

    [Test]
    public void ASequenceMatchDiesWhenTheNextEventDoesNotAdvanceIt()
    {
        var clock = new VirtualClock(0);
        var completed = new List<PatternMatch>();
        var machine = Machine(clock, new NextNode(new EveryNode(new StreamNode(0, A, null)), new StreamNode(1, B, null)), completed, sequence: true);
        machine.Start();

        machine.Receive(A, 0, "a1");
        machine.Receive(A, 1, "a2");
        machine.Receive(B, 2, "b1");
        machine.Receive(B, 3, "b2");

        Assert.That(completed.Select(m => $"{m.Last(0)}{m.Last(1)}"), Is.EqualTo(new[] { "a2b1" }));
    }

    [Test]
    public void OneHundredThousandWaitingDeadlinesAreReleasedWhenTheyPass()
    {
        var clock = new VirtualClock(0);
        var completed = 0L;
        var machine = new StateMachine(clock, false, 2, 2, -1,
            new NextNode(new EveryNode(new StreamNode(0, A, null)), new AbsentNode(1, B, null, 1000)), _ => completed++);
        machine.Start();
        for (var i = 0; i < 100_000; i++)
        {
            machine.Receive(A, i / 100, i);
        }

        Assert.That(machine.PendingMatches, Is.GreaterThanOrEqualTo(100_000));
        Assert.That(clock.PendingTimers, Is.EqualTo(1000), "one timer per distinct deadline (100 matches share each)");

        clock.AdvanceTo(3000);

        Assert.That(completed, Is.EqualTo(100_000));
        Assert.That(machine.PendingMatches, Is.EqualTo(1), "only the armed start waits");
        Assert.That(clock.PendingTimers, Is.Zero);
    }

    [Test]
    public void OneHundredThousandMatchesPastWithinAreReleasedByTheNextEvent()
    {
        var clock = new VirtualClock(0);
        var completed = new List<PatternMatch>();
        var machine = Machine(clock, new NextNode(new EveryNode(new StreamNode(0, A, null)), new StreamNode(1, B, m => false)), completed, within: 1000);
        machine.Start();
        for (var i = 0; i < 100_000; i++)
        {
            machine.Receive(A, i / 100, i);
        }

        Assert.That(machine.PendingMatches, Is.GreaterThanOrEqualTo(100_000));

        machine.Receive(B, 5000, -1);

        Assert.That(machine.PendingMatches, Is.EqualTo(1), "only the armed start waits");
        Assert.That(completed, Is.Empty);
    }
}
