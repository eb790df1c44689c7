namespace SiddhiGen.Runtime;

/// <summary>An operator that asked the clock to call it back at a given time (a window expiry, a batch flush).</summary>
public interface ITimerTarget
{
    /// <summary>Called with the app lock held and the clock set to <paramref name="dueTime"/>.</summary>
    void OnTimer(long dueTime);
}
