using System.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// <c>#window.batch([n])</c>: every input chunk is a batch (with <c>n</c>, split into sub-batches of <c>n</c>).
/// Emits <c>[previous chunk EXPIRED + RESET (when expired output is wanted), CURRENT chunk]</c>; without expired
/// output the RESET of the previous batch leads the next one. Each completed sub-batch closes its own output chunk.
/// </summary>
/// <remarks>
/// <see cref="Contents"/> holds the events of the last input chunk when expired output is wanted or the window is
/// findable (Siddhi fills it only for expired output, leaving a find-only batch window empty; we keep the batch).
/// Siddhi: <c>BatchWindowProcessor</c>.
/// </remarks>
[DebuggerDisplay("batch({_length})")]
public sealed class BatchWindow<T> : IWindow<T>, IStatePart<T>
{
    /// <summary>Where "now" comes from for re-stamping.</summary>
    private readonly AppClock _clock;

    /// <summary>Sub-batch size; 0 for the whole chunk.</summary>
    private readonly int _length;

    /// <summary>True when the query consumes expired events.</summary>
    private readonly bool _outputExpired;

    /// <summary>The previous chunk as expired events (null when neither output nor find needs it).</summary>
    private readonly EventQueue<T>? _expired;

    /// <summary>True when a RESET for the last emitted batch is pending.</summary>
    private bool _hasReset;

    /// <summary>Payload of the pending RESET (the first event of the last batch).</summary>
    private T _resetData = default!;

    /// <param name="clock">The app clock (expired and reset events are stamped with its time).</param>
    /// <param name="length">Sub-batch size; 0 (the default) makes each input chunk one batch.</param>
    /// <param name="outputExpired">True when the query outputs expired events.</param>
    /// <param name="findable">True when a join or on-demand query reads <see cref="Contents"/>.</param>
    public BatchWindow(AppClock clock, int length = 0, bool outputExpired = false, bool findable = false)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _clock = clock;
        _length = length;
        _outputExpired = outputExpired;
        _expired = outputExpired || findable ? new EventQueue<T>(16) : null;
    }

    /// <inheritdoc />
    public ReadOnlySpan<StreamEvent<T>> Contents => _expired is null ? default : _expired.Span;

    /// <inheritdoc />
    public void Process(ReadOnlySpan<StreamEvent<T>> chunk, WindowOutput<T> output)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        var now = _clock.Now;
        if (_expired is not null)
        {
            if (_outputExpired && !_expired.IsEmpty)
            {
                output.AddRange(_expired.Span, EventKind.Expired, now);
                EmitPendingReset(now, output);
            }

            _expired.Clear();
            _expired.EnqueueRange(chunk, EventKind.Expired);
        }

        var size = _length == 0 ? chunk.Length : _length;
        for (var start = 0; start < chunk.Length; start += size)
        {
            var batch = chunk.Slice(start, Math.Min(size, chunk.Length - start));
            EmitPendingReset(now, output);
            _resetData = batch[0].Data;
            _hasReset = true;
            output.AddRange(batch, EventKind.Current);
            output.CloseChunk();
        }
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        // Chunk-based: no timers.
    }

    private void EmitPendingReset(long now, WindowOutput<T> output)
    {
        if (_hasReset)
        {
            output.Add(now, in _resetData, EventKind.Reset);
            _hasReset = false;
        }
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer, IStateCodec<T> codec)
    {
        WindowState.WriteQueue(writer, _expired, codec);
        writer.WriteBoolean(_hasReset);
        codec.Write(writer, in _resetData);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader, IStateCodec<T> codec)
    {
        WindowState.ReadQueue(reader, _expired, codec);
        _hasReset = reader.ReadBoolean();
        _resetData = codec.Read(reader);
    }
}
