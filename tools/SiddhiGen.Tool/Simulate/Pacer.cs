namespace SiddhiGen.Tool.Simulate;

/// <summary>
/// When the next simulated event goes: a fixed gap (<c>--interval</c>, or <c>--rate</c> as 1/rate, kept
/// on schedule rather than drifting), the differences of a timestamp column, or as fast as the target
/// takes them; and whether the feed is over (<c>--count</c>, <c>--duration</c>).
/// </summary>
public sealed class Pacer(TimeSpan? gap, bool useTimestamps, long? count, TimeSpan? duration)
{
    private long? _firstTimestamp;
    private TimeSpan _timestampStart;

    /// <returns>False when the feed should stop before this event.</returns>
    public async Task<bool> WaitAsync(SimulatedEvent e, long index, TimeSpan elapsed, CancellationToken ct)
    {
        if ((count is { } max && index >= max) || (duration is { } d && elapsed >= d))
        {
            return false;
        }

        TimeSpan due;
        if (useTimestamps && e.Timestamp is { } t)
        {
            if (_firstTimestamp is null)
            {
                _firstTimestamp = t;
                _timestampStart = elapsed;
            }

            due = _timestampStart + TimeSpan.FromMilliseconds(Math.Max(0, t - _firstTimestamp.Value));
        }
        else
        {
            due = gap is { } g ? g * index : TimeSpan.Zero;
        }

        var wait = due - elapsed;
        if (duration is { } limit && due >= limit)
        {
            return false;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct).ConfigureAwait(false);
        }

        return true;
    }
}
