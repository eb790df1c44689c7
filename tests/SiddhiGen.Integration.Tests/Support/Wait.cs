using System.Collections.Concurrent;
using System.Diagnostics;

namespace SiddhiGen.Integration.Tests;

/// <summary>Bounded waits: every wait in these tests has a timeout, and conditions are polled, never slept on blindly.</summary>
public static class Wait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Waits until <paramref name="condition"/> holds; fails the test with <paramref name="what"/> after the timeout.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        var limit = timeout ?? Timeout;
        while (!condition())
        {
            if (watch.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds} s waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits for <paramref name="count"/> items in <paramref name="queue"/>.</summary>
    public static Task ForCountAsync<T>(ConcurrentQueue<T> queue, int count, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => queue.Count >= count, $"{count} {what} (got {queue.Count})", timeout);

    /// <summary>Awaits <paramref name="task"/> with the test timeout.</summary>
    public static async Task<T> WithTimeout<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Timed out waiting for {what}.");
            throw;
        }
    }
}
