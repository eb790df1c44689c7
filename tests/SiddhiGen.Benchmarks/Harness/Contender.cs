namespace SiddhiGen.Benchmarks.Harness;

/// <summary>
/// One implementation of a scenario's query, fed the workload one dataset pass at a time. Each contender owns
/// its event loop, so the per-event path is direct calls into the implementation under test.
/// </summary>
internal abstract class Contender : IDisposable
{
    private long _nextTimestamp = Workload.StartTimestamp;

    protected Contender(string name, ChecksumSink sink)
    {
        Name = name;
        Sink = sink;
    }

    /// <summary><c>siddhigen</c>, <c>siddhigen-batch</c>, <c>handwritten</c> or <c>rx</c>.</summary>
    public string Name { get; }

    /// <summary>Where the outputs go.</summary>
    public ChecksumSink Sink { get; }

    /// <summary>Feeds <paramref name="events"/> events (whole dataset passes), timestamps continuing from the last run.</summary>
    public void Run(long events)
    {
        for (long done = 0; done < events; done += Workload.DatasetSize)
        {
            RunPass();
        }
    }

    /// <summary>Feeds the dataset once.</summary>
    public void RunPass()
    {
        RunPass(_nextTimestamp);
        _nextTimestamp += Workload.DatasetSize;
    }

    /// <summary>Throws when the implementation reported an error while running (for example a dropped event).</summary>
    public virtual void Verify()
    {
    }

    public virtual void Dispose()
    {
    }

    /// <summary>Feeds every event of the dataset, the i-th stamped <paramref name="firstTimestamp"/> + i.</summary>
    protected abstract void RunPass(long firstTimestamp);
}
