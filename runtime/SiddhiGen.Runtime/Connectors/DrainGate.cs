namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// Counts deliveries in flight so a source can stop without dropping them: <see cref="TryEnter"/> fails
/// once closing started, <see cref="CloseAsync"/> waits until the last one left.
/// </summary>
public sealed class DrainGate
{
    private readonly object _lock = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private bool _closed;

    public bool IsClosed
    {
        get
        {
            lock (_lock)
            {
                return _closed;
            }
        }
    }

    /// <summary>Enters a delivery; false when the source is stopping (do not deliver then).</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return false;
            }

            _inFlight++;
            return true;
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            if (--_inFlight == 0 && _closed)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>Refuses new deliveries and waits for the running ones.</summary>
    public Task CloseAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _closed = true;
            if (_inFlight == 0)
            {
                _drained.TrySetResult();
            }
        }

        return _drained.Task.WaitAsync(cancellationToken);
    }
}
