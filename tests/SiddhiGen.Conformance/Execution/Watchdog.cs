namespace SiddhiGen.Conformance.Execution;

/// <summary>
/// Runs work on its own thread with a time limit. On timeout it cancels the token (the case executor
/// checks it between steps), gives the work a moment to stop, and then abandons the thread: a runaway
/// app can keep a core busy, but it never stops the run.
/// </summary>
public static class Watchdog
{
    /// <summary>Large enough for deep but finite recursion through chained queries.</summary>
    private const int StackSize = 64 * 1024 * 1024;

    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    /// <returns>
    /// True when the work finished within <paramref name="timeout"/>, with what it threw in
    /// <paramref name="exception"/>; false on timeout.
    /// </returns>
    public static bool Run(Action<CancellationToken> work, TimeSpan timeout, out Exception? exception)
    {
        // Not disposed: an abandoned thread may still read the token.
        var cancellation = new CancellationTokenSource();
        Exception? thrown = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    work(cancellation.Token);
                }
                catch (Exception ex)
                {
                    thrown = ex;
                }
            },
            StackSize)
        {
            IsBackground = true,
            Name = "conformance case",
        };
        thread.Start();
        if (thread.Join(timeout))
        {
            exception = thrown;
            return true;
        }

        cancellation.Cancel();
        thread.Join(Grace);
        exception = null;
        return false;
    }
}
