using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Management;

/// <summary>
/// Events in, events out and errors per app and stream, read from the connectors' instruments on the
/// <c>SiddhiGen</c> meter (<see cref="ConnectorMetrics"/>) with a <see cref="MeterListener"/>: totals and
/// per-second counts of the last minute, from which the rates are taken.
/// </summary>
public sealed class StreamRates : IDisposable
{
    /// <summary>The rate is the mean over this many whole seconds, so a single event shows for a moment.</summary>
    public const int RateWindowSeconds = 5;

    private readonly ConcurrentDictionary<(string App, string Stream), StreamCounters> _streams = new();
    private readonly MeterListener _listener = new();
    private readonly TimeProvider _time;

    public StreamRates(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ConnectorMetrics.MeterName && Direction(instrument.Name) is not null)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>The counters of one stream (zero when nothing was counted yet).</summary>
    public StreamCounters Of(string app, string stream) => _streams.GetOrAdd((app, stream), _ => new StreamCounters());

    /// <summary>The current second, in the clock the per-second buckets use.</summary>
    public long NowSecond => _time.GetUtcNow().ToUnixTimeSeconds();

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        string? app = null, stream = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "siddhi.app")
            {
                app = tag.Value as string;
            }
            else if (tag.Key == "siddhi.stream")
            {
                stream = tag.Value as string;
            }
        }

        if (app is not null && stream is not null && Direction(instrument.Name) is { } direction)
        {
            Of(app, stream).Add(direction, value, NowSecond);
        }
    }

    private static CounterKind? Direction(string instrument) => instrument switch
    {
        "siddhigen.stream.events.in" => CounterKind.In,
        "siddhigen.stream.events.out" => CounterKind.Out,
        "siddhigen.stream.errors" => CounterKind.Errors,
        _ => null,
    };
}

public enum CounterKind
{
    In,
    Out,
    Errors,
}

/// <summary>Totals and a minute of per-second counts for one stream; thread-safe.</summary>
public sealed class StreamCounters
{
    public const int HistorySeconds = 60;

    private readonly Lock _lock = new();
    private readonly long[] _totals = new long[3];
    private readonly long[,] _buckets = new long[3, HistorySeconds];
    private readonly long[] _bucketSecond = new long[HistorySeconds];

    public void Add(CounterKind kind, long count, long second)
    {
        lock (_lock)
        {
            var slot = Slot(second);
            _totals[(int)kind] += count;
            _buckets[(int)kind, slot] += count;
        }
    }

    public long Total(CounterKind kind)
    {
        lock (_lock)
        {
            return _totals[(int)kind];
        }
    }

    /// <summary>Events per second over the last <see cref="StreamRates.RateWindowSeconds"/> seconds (the current one included).</summary>
    public double Rate(CounterKind kind, long nowSecond)
    {
        var history = History(kind, nowSecond, StreamRates.RateWindowSeconds);
        return history.Sum() / (double)StreamRates.RateWindowSeconds;
    }

    /// <summary>Counts of the last <paramref name="seconds"/> seconds, oldest first, the current second last.</summary>
    public long[] History(CounterKind kind, long nowSecond, int seconds = HistorySeconds)
    {
        seconds = Math.Clamp(seconds, 1, HistorySeconds);
        var result = new long[seconds];
        lock (_lock)
        {
            for (var i = 0; i < seconds; i++)
            {
                var second = nowSecond - (seconds - 1 - i);
                var slot = (int)(((second % HistorySeconds) + HistorySeconds) % HistorySeconds);
                result[i] = _bucketSecond[slot] == second ? _buckets[(int)kind, slot] : 0;
            }
        }

        return result;
    }

    /// <summary>The bucket of <paramref name="second"/>, cleared when it last held an older second.</summary>
    private int Slot(long second)
    {
        var slot = (int)(((second % HistorySeconds) + HistorySeconds) % HistorySeconds);
        if (_bucketSecond[slot] != second)
        {
            _bucketSecond[slot] = second;
            for (var k = 0; k < 3; k++)
            {
                _buckets[k, slot] = 0;
            }
        }

        return slot;
    }
}
