namespace SiddhiGen.Runtime;

/// <summary>
/// The window Siddhi puts on a join side that names none (<c>EmptyWindowProcessor</c>): each event passes
/// through as its own chunk <c>[CURRENT, EXPIRED (when expired output is wanted), RESET]</c> and nothing is
/// kept, so the other side of a join never finds anything here.
/// </summary>
public sealed class EmptyWindow<T> : IWindow<T>, IStatePart<T>
{
    /// <summary>Where "now" comes from for re-stamping.</summary>
    private readonly AppClock _clock;

    /// <summary>True when the query consumes expired events.</summary>
    private readonly bool _outputExpired;

    /// <param name="clock">The app clock (expired and reset events are stamped with its time).</param>
    /// <param name="outputExpired">True when the query outputs expired events.</param>
    public EmptyWindow(AppClock clock, bool outputExpired = false)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _outputExpired = outputExpired;
    }

    /// <inheritdoc />
    public ReadOnlySpan<StreamEvent<T>> Contents => default;

    /// <inheritdoc />
    public void Process(ReadOnlySpan<StreamEvent<T>> chunk, WindowOutput<T> output)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        var now = _clock.Now;
        foreach (ref readonly var e in chunk)
        {
            output.Add(e.Timestamp, in e.Data, EventKind.Current);
            if (_outputExpired)
            {
                output.Add(now, in e.Data, EventKind.Expired);
            }

            output.Add(now, in e.Data, EventKind.Reset);
            output.CloseChunk();
        }
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        // Holds nothing: no timers.
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
    }
}
