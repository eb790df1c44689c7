namespace SiddhiGen.Runtime;

/// <summary>
/// An <c>output ... every ...</c> clause (Siddhi's OutputRateLimiter): it sits between a query's selector and its
/// <see cref="QueryOutput{T}"/> and decides which selected rows go out, and when.
/// </summary>
/// <remarks>
/// <para>The operator hands every selected chunk to <see cref="Process"/> instead of calling
/// <see cref="QueryOutput{T}.Emit"/>; the limiter emits zero or more chunks to the output it was built with (one
/// <c>Emit</c> per output chunk, as Siddhi's <c>sendToCallBacks</c>). The limiter copies what it keeps, so the
/// operator may clear its buffer right after the call.</para>
/// <para>Rows of kind <see cref="EventKind.Timer"/> are ignored. Rows of kind <see cref="EventKind.Reset"/> matter
/// only where Siddhi's selector leaves RESET in the chunk (see each limiter); limiters never emit them.</para>
/// <para>All calls run under the app lock (sends and timers never interleave), so limiters do not lock.</para>
/// </remarks>
/// <typeparam name="T">The query's output row.</typeparam>
public interface IOutputRateLimiter<T>
{
    /// <summary>Takes one chunk of selected rows (CURRENT/EXPIRED, in selector order).</summary>
    void Process(EventBuffer<T> selected);

    /// <summary>The operator forwards every timer callback it gets; limiters ignore the ones that are not theirs.</summary>
    void OnTimer(long dueTime);

    /// <summary>Called once when the app starts; periodic limiters schedule their first tick at <c>clock.Now + period</c>.</summary>
    void Start();
}
