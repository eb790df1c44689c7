namespace SiddhiGen.Runtime.Tests;

// One derivation of the window contract per window kind and interesting configuration.

public sealed class LengthWindowContract : WindowContractTests
{
    protected override bool SlidingContents => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer) => new LengthWindow<TestEvent>(clock, 3);
}

public sealed class LengthZeroWindowContract : WindowContractTests
{
    protected override bool EmitsReset => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer) => new LengthWindow<TestEvent>(clock, 0);
}

public sealed class LengthBatchWindowContract : WindowContractTests
{
    protected override bool EmitsReset => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer)
        => new LengthBatchWindow<TestEvent>(clock, 2, outputExpired: true, findable: true);
}

public sealed class LengthBatchStreamingWindowContract : WindowContractTests
{
    protected override bool EmitsReset => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer)
        => new LengthBatchWindow<TestEvent>(clock, 3, streamCurrentEvents: true, outputExpired: true);
}

public sealed class LengthBatchZeroWindowContract : WindowContractTests
{
    protected override bool EmitsReset => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer)
        => new LengthBatchWindow<TestEvent>(clock, 0, outputExpired: true);
}

public sealed class TimeWindowContract : WindowContractTests
{
    protected override bool SlidingContents => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer) => new TimeWindow<TestEvent>(clock, timer, 1000);
}

public sealed class TimeBatchWindowContract : WindowContractTests
{
    protected override bool EmitsReset => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer)
        => new TimeBatchWindow<TestEvent>(clock, timer, 1000, outputExpired: true, findable: true);
}

public sealed class TimeBatchStartTimeStreamingWindowContract : WindowContractTests
{
    protected override bool EmitsReset => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer)
        => new TimeBatchWindow<TestEvent>(clock, timer, 1000, startTime: 123, streamCurrentEvents: true, outputExpired: true);
}

public sealed class TimeLengthWindowContract : WindowContractTests
{
    protected override bool SlidingContents => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer) => new TimeLengthWindow<TestEvent>(clock, timer, 1000, 2);
}

public sealed class ExternalTimeWindowContract : WindowContractTests
{
    protected override bool SlidingContents => true;

    protected override bool ExpiredStampedWithNow => false;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer) => new ExternalTimeWindow<TestEvent, TsOf>(clock, 1000);
}

public sealed class ExternalTimeBatchWindowContract : WindowContractTests
{
    protected override bool EmitsReset => true;

    protected override bool ExpiredStampedWithNow => false;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer)
        => new ExternalTimeBatchWindow<TestEvent, TsOf, TsOf>(clock, timer, 1000, outputExpired: true, findable: true);
}

public sealed class ExternalTimeBatchTimeoutWindowContract : WindowContractTests
{
    protected override bool EmitsReset => true;

    protected override bool ExpiredStampedWithNow => false;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer)
        => new ExternalTimeBatchWindow<TestEvent, TsOf, VolumeOf>(clock, timer, 1000, ExternalTimeBatchStart.Attribute, timeout: 500, outputExpired: true);
}

public sealed class BatchWindowContract : WindowContractTests
{
    protected override bool EmitsReset => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer) => new BatchWindow<TestEvent>(clock, outputExpired: true);
}

public sealed class BatchOfTwoWindowContract : WindowContractTests
{
    protected override bool EmitsReset => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer) => new BatchWindow<TestEvent>(clock, 2, findable: true);
}

public sealed class SortWindowContract : WindowContractTests
{
    protected override bool SlidingContents => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer) => new SortWindow<TestEvent, PriceAscending>(clock, 2);
}

public sealed class FrequentWindowContract : WindowContractTests
{
    protected override bool SlidingContents => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer) => new FrequentWindow<TestEvent, string, SymbolOf>(clock, 2);
}

public sealed class LossyFrequentWindowContract : WindowContractTests
{
    protected override bool SlidingContents => false;

    // Not every counted event is emitted CURRENT, yet every counted key may be pruned.
    protected override bool ExpiredAfterCurrent => false;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer) => new LossyFrequentWindow<TestEvent, string, SymbolOf>(clock, 0.3, 0.25);
}

public sealed class DelayWindowContract : WindowContractTests
{
    protected override bool CurrentKeepsTimestamp => false;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer) => new DelayWindow<TestEvent>(clock, timer, 500);
}

public sealed class SessionWindowContract : WindowContractTests
{
    protected override bool ExpiredStampedWithNow => false;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer)
        => new SessionWindow<TestEvent, string, SessionWindowNoKey<TestEvent>>(clock, timer, 500);
}

public sealed class SessionWithLatencyWindowContract : WindowContractTests
{
    protected override bool ExpiredStampedWithNow => false;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer)
        => new SessionWindow<TestEvent, string, SymbolOf>(clock, timer, 500, allowedLatency: 200);
}

public sealed class ExpressionWindowContract : WindowContractTests
{
    protected override bool SlidingContents => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer)
        => new ExpressionWindow<TestEvent, CountAtMost>(clock, new CountAtMost(2));
}

public sealed class ExpressionBatchWindowContract : WindowContractTests
{
    protected override bool CurrentKeepsTimestamp => false;

    protected override bool ExpiredAfterCurrent => false;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer)
        => new ExpressionBatchWindow<TestEvent, CountAtMost>(clock, new CountAtMost(2));
}

public sealed class ExpressionBatchStreamingWindowContract : WindowContractTests
{
    protected override bool CurrentKeepsTimestamp => false;

    protected override bool ExpiredAfterCurrent => false;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer)
        => new ExpressionBatchWindow<TestEvent, SpanBelow>(clock, new SpanBelow(500), includeTriggeringEvent: true, streamCurrentEvents: true);
}

public sealed class CronWindowContract : WindowContractTests
{
    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer) => new CronWindow<TestEvent>(clock, timer, "*/2 * * * * ?");
}

public sealed class EmptyWindowContract : WindowContractTests
{
    protected override bool EmitsReset => true;

    protected override IWindow<TestEvent> Create(AppClock clock, ITimerTarget timer) => new EmptyWindow<TestEvent>(clock, outputExpired: true);
}
