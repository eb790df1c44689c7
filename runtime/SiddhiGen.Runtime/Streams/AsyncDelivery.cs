namespace SiddhiGen.Runtime;

/// <summary>What the app needs of an <c>@Async</c> stream: waiting until it has delivered what was sent to it.</summary>
internal interface IAsyncDelivery
{
    /// <summary>Waits until every event sent so far is delivered; false when the time ran out first.</summary>
    bool WaitUntilIdle(TimeSpan timeout);

    /// <summary>True when nothing is buffered or being delivered (a snapshot needs that, under the app lock).</summary>
    bool IsIdle { get; }
}

/// <summary>
/// The buffer and worker of an <c>@Async(buffer.size, workers, batch.size.max)</c> stream (Siddhi's asynchronous
/// stream junction). A send puts its events in the buffer and returns; a worker thread delivers them in arrival
/// order, up to <c>batch.size.max</c> events as one chunk, each chunk under the app's processing lock, its errors
/// logged or routed like a send's.
/// </summary>
/// <remarks>
/// A sender waits while the buffer holds <c>buffer.size</c> events, unless it is inside the app's processing lock
/// (a callback, or a query inserting into this stream): the worker needs that lock, so waiting there could never
/// end, and the buffer takes the events beyond its size instead. Chunks are delivered one at a time whatever the
/// number of workers: an app processes under one lock, and a second worker would only reorder events.
/// </remarks>
internal sealed class AsyncDelivery<T> : IAppComponent, IAsyncDelivery
{
    private readonly InputStream<T> _stream;
    private readonly int _bufferSize;
    private readonly int _batchSizeMax;
    private readonly Queue<StreamEvent<T>> _buffer = new();
    private readonly object _gate = new();
    private Thread? _worker;
    private bool _running;

    /// <summary>Events the worker took from the buffer and has not finished delivering.</summary>
    private int _inFlight;

    public AsyncDelivery(InputStream<T> stream, int bufferSize, int batchSizeMax)
    {
        _stream = stream;
        _bufferSize = bufferSize;
        _batchSizeMax = batchSizeMax;
    }

    /// <summary>
    /// Buffers the events for the worker and returns how many it took: all of them, or fewer once the stream is
    /// stopped (the caller then delivers the rest itself).
    /// </summary>
    public int Enqueue(ReadOnlySpan<StreamEvent<T>> events)
    {
        var mayWait = !_stream.App.ProcessingLock.IsHeldByCurrentThread;
        lock (_gate)
        {
            for (var i = 0; i < events.Length; i++)
            {
                while (mayWait && _running && _buffer.Count >= _bufferSize)
                {
                    Monitor.Wait(_gate);
                }

                if (!_running)
                {
                    return i;
                }

                _buffer.Enqueue(events[i] with { Kind = EventKind.Current });
                Monitor.PulseAll(_gate);
            }

            return events.Length;
        }
    }

    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _buffer.Count == 0 && _inFlight == 0;
            }
        }
    }

    public bool WaitUntilIdle(TimeSpan timeout)
    {
        if (_stream.App.ProcessingLock.IsHeldByCurrentThread)
        {
            // The worker needs the lock this thread holds.
            return false;
        }

        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_gate)
        {
            while (_buffer.Count > 0 || _inFlight > 0)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0 || !Monitor.Wait(_gate, TimeSpan.FromMilliseconds(left)))
                {
                    return _buffer.Count == 0 && _inFlight == 0;
                }
            }

            return true;
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            _running = true;
        }

        _worker = new Thread(Work) { IsBackground = true, Name = $"SiddhiGen {_stream.App.Name} @Async {_stream.Name}" };
        _worker.Start();
    }

    /// <summary>Stops taking events; the worker delivers what the buffer holds, then ends.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _running = false;
            Monitor.PulseAll(_gate);
        }

        if (_worker is { } worker && !_stream.App.ProcessingLock.IsHeldByCurrentThread)
        {
            worker.Join();
        }
    }

    private void Work()
    {
        var chunk = new StreamEvent<T>[_batchSizeMax];
        while (true)
        {
            int count;
            lock (_gate)
            {
                while (_buffer.Count == 0 && _running)
                {
                    Monitor.Wait(_gate);
                }

                if (_buffer.Count == 0)
                {
                    return;
                }

                count = Math.Min(_buffer.Count, _batchSizeMax);
                for (var i = 0; i < count; i++)
                {
                    chunk[i] = _buffer.Dequeue();
                }

                _inFlight = count;
                Monitor.PulseAll(_gate);
            }

            _stream.DeliverNow(chunk.AsSpan(0, count));
            Array.Clear(chunk, 0, count);
            lock (_gate)
            {
                _inFlight = 0;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
