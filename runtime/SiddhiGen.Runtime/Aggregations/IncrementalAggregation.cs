using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SiddhiGen.Runtime.Aggregations;

/// <summary>
/// The buckets of one incremental aggregation (<c>define aggregation A ... every sec ... year</c>), kept as Siddhi's
/// chain of <c>IncrementalExecutor</c>s keeps them: each granularity has one running bucket in memory (the groups of the
/// newest period it has seen) and a table of finished buckets. When a newer period begins at a granularity, or the
/// app's clock passes the end of the running bucket (arrival time only), the running bucket goes into that granularity's
/// table and merges into the next coarser granularity; so a bucket is built from the finer buckets, never again from raw events.
/// </summary>
/// <remarks>
/// <para>An event older than a running bucket (out of order) goes straight into the table bucket it belongs to at
/// that granularity and at each coarser one up to the first whose running bucket holds it, so every event counts
/// once at every granularity, in the bucket of its own time. A read at granularity <c>per</c> merges that
/// granularity's table, its running bucket and the running buckets of every finer granularity (not yet rolled up).</para>
/// <para>With <c>@purge</c>, every <c>interval</c> on the app's clock each granularity with a retention drops the
/// table buckets older than now minus the retention, but only those the next coarser granularity already holds in its
/// table (Siddhi's safety check). "Now" is the app's clock, or, for an aggregation on event time (<c>aggregate by</c>),
/// the latest event time it has seen (Siddhi reads the wall clock, which would purge a replay of old data at once).
/// Not thread-safe: the app's processing lock serialises every caller.</para>
/// </remarks>
[DebuggerDisplay("{Name}: {_levels.Length} granularities")]
public sealed class IncrementalAggregation<TKey, TValues> : ITimerTarget, IAppComponent
    where TKey : notnull
    where TValues : struct, IAggregationValues<TValues>
{
    private const long None = long.MinValue;

    private readonly AppClock _clock;
    private readonly Level[] _levels;
    private readonly AggregationPurge? _purge;
    private readonly List<AggregationBucket<TKey, TValues>> _read = new();
    private long _flushDue = long.MaxValue;
    private long _purgeDue = long.MaxValue;
    private long _latestEventTime = None;

    /// <param name="name">The aggregation's name, for messages.</param>
    /// <param name="clock">The app's clock: running buckets end, and purges run, on it.</param>
    /// <param name="granularities">The granularities, finest first.</param>
    /// <param name="purge">What <c>@purge</c> asks for; null when nothing is purged.</param>
    /// <param name="eventTime">True when events carry their own time (<c>aggregate by</c>): purges count back from the latest.</param>
    /// <param name="stores">Creates the table of a granularity; null for <see cref="InMemoryBucketStore{TKey, TValues}"/>.</param>
    public IncrementalAggregation(
        string name,
        AppClock clock,
        IReadOnlyList<Granularity> granularities,
        AggregationPurge? purge = null,
        bool eventTime = false,
        Func<Granularity, IAggregationBucketStore<TKey, TValues>>? stores = null)
    {
        EventTime = eventTime;
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(granularities);
        if (granularities.Count == 0)
        {
            throw new ArgumentException("An aggregation needs at least one granularity.", nameof(granularities));
        }

        Name = name;
        _clock = clock;
        _purge = purge;
        _levels = granularities.Select(g => new Level(g, stores?.Invoke(g) ?? new InMemoryBucketStore<TKey, TValues>(g))).ToArray();
    }

    public string Name { get; }

    /// <summary>True when events carry their own time (<c>aggregate by</c>).</summary>
    public bool EventTime { get; }

    /// <summary>The granularities, finest first.</summary>
    public IEnumerable<Granularity> Granularities => _levels.Select(l => l.Granularity);

    /// <summary>The table of finished buckets of <paramref name="granularity"/>.</summary>
    public IAggregationBucketStore<TKey, TValues> Store(Granularity granularity) => LevelOf(granularity).Store;

    /// <summary>Adds one event's values, for its group, at its event time.</summary>
    public void Add(long timestamp, in TKey key, in TValues values)
    {
        _latestEventTime = Math.Max(_latestEventTime, timestamp);
        Contribute(0, AggregationTime.StartOf(timestamp, _levels[0].Granularity), in key, in values);
    }

    /// <summary>
    /// The buckets of granularity <c>within.Per</c> whose start is in the range, one per (start, group), oldest first
    /// and groups in the order they were first seen. The list is reused by the next call.
    /// </summary>
    /// <exception cref="ArgumentException">The aggregation does not aggregate per that granularity.</exception>
    public IReadOnlyList<AggregationBucket<TKey, TValues>> Find(AggregationWithin within)
    {
        var target = IndexOf(within.Per);
        var merged = new SortedDictionary<long, Dictionary<TKey, TValues>>();
        _read.Clear();
        _levels[target].Store.Read(within.Start, within.End, _read);
        foreach (var bucket in _read)
        {
            MergeInto(merged, bucket.Start, bucket.Key, bucket.Values);
        }

        // Running buckets, coarsest first: they hold events later than the tables' (ties of 'latest' go to them).
        for (var i = target; i >= 0; i--)
        {
            var level = _levels[i];
            if (level.RunningStart == None)
            {
                continue;
            }

            var start = AggregationTime.StartOf(level.RunningStart, within.Per);
            if (start < within.Start || start >= within.End)
            {
                continue;
            }

            foreach (var (key, values) in level.Running)
            {
                MergeInto(merged, start, key, values);
            }
        }

        _read.Clear();
        foreach (var (start, groups) in merged)
        {
            foreach (var (key, values) in groups)
            {
                _read.Add(new AggregationBucket<TKey, TValues>(start, key, values));
            }
        }

        return _read;
    }

    /// <summary>Rolls up every running bucket whose period ended by <paramref name="dueTime"/>; runs a due purge.</summary>
    public void OnTimer(long dueTime)
    {
        if (dueTime >= _flushDue)
        {
            _flushDue = long.MaxValue;
        }

        for (var i = 0; i < _levels.Length; i++)
        {
            var level = _levels[i];
            if (level.RunningStart != None && AggregationTime.NextStart(level.RunningStart, level.Granularity) <= dueTime)
            {
                Flush(i);
            }
        }

        ScheduleFlush();
        if (_purge is { } purge && dueTime >= _purgeDue)
        {
            var now = EventTime ? _latestEventTime : dueTime;
            if (now != None)
            {
                Purge(now, purge);
            }

            _purgeDue = dueTime + purge.IntervalMilliseconds;
            _clock.Schedule(_purgeDue, this);
        }
    }

    /// <summary>Starts the purge timer.</summary>
    public void Start()
    {
        if (_purge is { } purge && _purgeDue == long.MaxValue)
        {
            _purgeDue = _clock.Now + purge.IntervalMilliseconds;
            _clock.Schedule(_purgeDue, this);
        }
    }

    public void Stop()
    {
    }

    /// <summary>
    /// Drops, at every granularity with a retention, the table buckets older than <paramref name="now"/> minus it
    /// whose coarser bucket is already in the coarser table.
    /// </summary>
    public void Purge(long now, AggregationPurge purge)
    {
        ArgumentNullException.ThrowIfNull(purge);
        for (var i = 0; i < _levels.Length; i++)
        {
            if (purge.RetentionOf(_levels[i].Granularity) is not { } retention)
            {
                continue;
            }

            var before = now - retention;
            if (i + 1 < _levels.Length && _levels[i + 1].RunningStart != None)
            {
                before = Math.Min(before, _levels[i + 1].RunningStart);
            }

            _levels[i].Store.RemoveBefore(before);
        }
    }

    /// <summary>Brings values of the bucket starting at <paramref name="start"/> into granularity <paramref name="index"/>.</summary>
    private void Contribute(int index, long start, in TKey key, in TValues values)
    {
        while (true)
        {
            var level = _levels[index];
            if (level.RunningStart == None || start > level.RunningStart)
            {
                if (level.RunningStart != None)
                {
                    Flush(index);
                }

                level.RunningStart = start;
                ScheduleFlush(AggregationTime.NextStart(start, level.Granularity));
            }

            if (start == level.RunningStart)
            {
                // A new bucket starts empty and merges, so it never shares what the values refer to (distinct sets).
                CollectionsMarshal.GetValueRefOrAddDefault(level.Running, key, out _).Merge(in values);
                return;
            }

            // Out of order: the bucket it belongs to is finished here, so it joins the table and the coarser granularity.
            level.Store.Merge(start, in key, in values);
            if (++index == _levels.Length)
            {
                return;
            }

            start = AggregationTime.StartOf(start, _levels[index].Granularity);
        }
    }

    /// <summary>Moves granularity <paramref name="index"/>'s running bucket into its table and the next granularity.</summary>
    private void Flush(int index)
    {
        var level = _levels[index];
        var start = level.RunningStart;
        level.RunningStart = None;
        var next = index + 1 < _levels.Length ? _levels[index + 1].Granularity : (Granularity?)null;
        foreach (var (key, values) in level.Running)
        {
            level.Store.Merge(start, in key, in values);
            if (next is { } coarser)
            {
                Contribute(index + 1, AggregationTime.StartOf(start, coarser), in key, in values);
            }
        }

        level.Running.Clear();
    }

    private void ScheduleFlush()
    {
        foreach (var level in _levels)
        {
            if (level.RunningStart != None)
            {
                ScheduleFlush(AggregationTime.NextStart(level.RunningStart, level.Granularity));
            }
        }
    }

    /// <summary>
    /// Asks the clock to roll up at <paramref name="end"/>. Only on arrival time: with <c>aggregate by</c> the app's clock
    /// says nothing about event time, so newer events roll buckets up (a clock running ahead would split a bucket
    /// whose events are still coming, in a chunk, and its sums would add up in another order).
    /// </summary>
    private void ScheduleFlush(long end)
    {
        if (!EventTime && end < _flushDue)
        {
            _flushDue = end;
            _clock.Schedule(end, this);
        }
    }

    private static void MergeInto(SortedDictionary<long, Dictionary<TKey, TValues>> merged, long start, TKey key, TValues values)
    {
        if (!merged.TryGetValue(start, out var groups))
        {
            groups = new Dictionary<TKey, TValues>();
            merged.Add(start, groups);
        }

        CollectionsMarshal.GetValueRefOrAddDefault(groups, key, out _).Merge(in values);
    }

    private int IndexOf(Granularity granularity)
    {
        for (var i = 0; i < _levels.Length; i++)
        {
            if (_levels[i].Granularity == granularity)
            {
                return i;
            }
        }

        throw new ArgumentException(
            $"Aggregation '{Name}' does not aggregate per {granularity.ToString().ToLowerInvariant()}: it aggregates per {string.Join(", ", _levels.Select(l => l.Granularity.ToString().ToLowerInvariant()))}.");
    }

    private Level LevelOf(Granularity granularity) => _levels[IndexOf(granularity)];

    /// <summary>One granularity: its running bucket and its table.</summary>
    private sealed class Level(Granularity granularity, IAggregationBucketStore<TKey, TValues> store)
    {
        public Granularity Granularity { get; } = granularity;

        public IAggregationBucketStore<TKey, TValues> Store { get; } = store;

        /// <summary>The start of the running bucket, or <see cref="None"/> when there is none.</summary>
        public long RunningStart { get; set; } = None;

        public Dictionary<TKey, TValues> Running { get; } = new();
    }
}
