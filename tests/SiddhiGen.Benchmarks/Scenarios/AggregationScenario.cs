using System.Globalization;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using SiddhiGen.Benchmarks.Aggregation;
using SiddhiGen.Benchmarks.Harness;
using SiddhiGen.Runtime;

namespace SiddhiGen.Benchmarks.Scenarios;

/// <summary>
/// <c>define aggregation A from S select symbol, sum(price) as total, count() as n group by symbol aggregate by ts
/// every sec ... hour</c> (Apps/Aggregation.siddhi), <c>ts</c> being the event's timestamp. The timed region is the
/// ingestion; afterwards each contender's checksum reads <c>from A within &lt;first ts&gt;, &lt;last ts + 1&gt; per
/// 'seconds' select symbol, total, n order by AGG_TIMESTAMP, symbol</c>: one row (symbol, total) and (n) per second and
/// symbol, seconds in order and symbols in ordinal order.
/// </summary>
internal sealed class AggregationScenario : Scenario
{
    private static readonly (SEvent Event, int Symbol)[] s_events =
        Workload.Rows.Select(r => (new SEvent(r.Symbol, r.Price, r.Volume, 0), Array.IndexOf(Workload.Symbols, r.Symbol))).ToArray();

    public override string Name => "aggregation";

    /// <summary>Buckets do not depend on how events are chunked.</summary>
    public override bool ChunksKeepEveryRow => true;

    protected override Contender CreateSiddhiGen(ChecksumSink sink, bool batch) => new SiddhiGen(sink, batch);

    protected override Contender CreateHandwritten(ChecksumSink sink) => new Handwritten(sink);

    protected override Contender CreateRx(ChecksumSink sink) => new Rx(sink);

    /// <summary>
    /// The generated app through its typed API (per event, or chunks of <see cref="Workload.ChunkSize"/>); the read
    /// is the on-demand query, run once the timed runs are over.
    /// </summary>
    private sealed class SiddhiGen : Contender
    {
        private readonly AggregationApp _app = new(SiddhiGenContender<SEvent>.Options());
        private readonly StreamEvent<SEvent>[]? _chunk;
        private long _lastTimestamp = Workload.StartTimestamp;

        public SiddhiGen(ChecksumSink sink, bool batch)
            : base(batch ? "siddhigen-batch" : "siddhigen", sink)
        {
            _chunk = batch ? new StreamEvent<SEvent>[Workload.ChunkSize] : null;
            _app.Start();
        }

        public override void Verify()
        {
            if (_app.ProcessingErrors != 0)
            {
                throw new InvalidOperationException($"The app dropped {_app.ProcessingErrors} events after processing errors.");
            }

            var query = string.Create(
                CultureInfo.InvariantCulture,
                $"from A within {Workload.StartTimestamp}L, {_lastTimestamp + 1}L per 'seconds' select symbol, total, n order by AGG_TIMESTAMP, symbol");
            foreach (var row in _app.Query(query))
            {
                Sink.Add((string?)row[0], (double?)row[1]);
                Sink.Add((long?)row[2]);
            }
        }

        public override void Dispose() => _app.Dispose();

        protected override void RunPass(long firstTimestamp)
        {
            var input = _app.S;
            var events = s_events;
            if (_chunk is null)
            {
                for (var i = 0; i < events.Length; i++)
                {
                    var timestamp = firstTimestamp + i;
                    var e = events[i].Event with { Ts = timestamp };
                    input.Send(timestamp, in e);
                }
            }
            else
            {
                var chunk = _chunk;
                for (var start = 0; start < events.Length; start += chunk.Length)
                {
                    for (var j = 0; j < chunk.Length; j++)
                    {
                        var timestamp = firstTimestamp + start + j;
                        chunk[j] = new StreamEvent<SEvent>(timestamp, events[start + j].Event with { Ts = timestamp });
                    }

                    input.Send((ReadOnlySpan<StreamEvent<SEvent>>)chunk);
                }
            }

            _lastTimestamp = firstTimestamp + events.Length - 1;
        }
    }

    /// <summary>The aggregation as plain C#: <see cref="Buckets"/> fed in a loop.</summary>
    private sealed class Handwritten(ChecksumSink sink) : Contender("handwritten", sink)
    {
        private readonly Buckets _buckets = new();

        public override void Verify() => _buckets.Read(Sink);

        protected override void RunPass(long firstTimestamp)
        {
            var buckets = _buckets;
            var events = s_events;
            for (var i = 0; i < events.Length; i++)
            {
                buckets.Add(firstTimestamp + i, events[i].Symbol, events[i].Event.Price.GetValueOrDefault());
            }
        }
    }

    /// <summary>The aggregation in System.Reactive: timestamped events folded into <see cref="Buckets"/> by <c>Scan</c>.</summary>
    private sealed class Rx : Contender
    {
        private readonly Subject<(long Timestamp, int Symbol, double Price)> _input = new();
        private readonly Buckets _buckets = new();
        private readonly IDisposable _subscription;

        public Rx(ChecksumSink sink)
            : base("rx", sink)
        {
            _subscription = _input
                .Scan(_buckets, (buckets, e) => buckets.Add(e.Timestamp, e.Symbol, e.Price))
                .Subscribe(static _ => { });
        }

        public override void Verify() => _buckets.Read(Sink);

        public override void Dispose() => _subscription.Dispose();

        protected override void RunPass(long firstTimestamp)
        {
            var input = _input;
            var events = s_events;
            for (var i = 0; i < events.Length; i++)
            {
                input.OnNext((firstTimestamp + i, events[i].Symbol, events[i].Event.Price.GetValueOrDefault()));
            }
        }
    }

    /// <summary>
    /// Per-symbol sums and counts per second, minute and hour: the running bucket of each granularity in arrays indexed
    /// by symbol, and the finished ones in a list; a finished second rolls into the minute, a finished minute into the hour.
    /// </summary>
    private sealed class Buckets
    {
        private static readonly int[] s_symbolsInOrder =
            Enumerable.Range(0, Workload.Symbols.Length).OrderBy(i => Workload.Symbols[i], StringComparer.Ordinal).ToArray();

        private readonly Level[] _levels = [new(1000), new(60_000), new(3_600_000)];

        public Buckets Add(long timestamp, int symbol, double price)
        {
            var level = _levels[0];
            var start = timestamp - (timestamp % level.Width);
            if (start != level.Start)
            {
                Roll(0, start);
            }

            level.Sums[symbol] += price;
            level.Counts[symbol]++;
            return this;
        }

        /// <summary>Folds the seconds, oldest first, symbols in ordinal order, into <paramref name="sink"/>.</summary>
        public void Read(ChecksumSink sink)
        {
            var seconds = _levels[0];
            foreach (var bucket in seconds.Finished.Append((seconds.Start, seconds.Sums, seconds.Counts)))
            {
                foreach (var symbol in s_symbolsInOrder)
                {
                    if (bucket.Counts[symbol] != 0)
                    {
                        sink.Add(Workload.Symbols[symbol], bucket.Sums[symbol]);
                        sink.Add(bucket.Counts[symbol]);
                    }
                }
            }
        }

        /// <summary>Ends the running bucket of granularity <paramref name="index"/> and starts the one at <paramref name="start"/>.</summary>
        private void Roll(int index, long start)
        {
            var level = _levels[index];
            if (level.Start != long.MinValue)
            {
                level.Finished.Add((level.Start, level.Sums, level.Counts));
                if (index + 1 < _levels.Length)
                {
                    var coarser = _levels[index + 1];
                    var coarserStart = level.Start - (level.Start % coarser.Width);
                    if (coarserStart != coarser.Start)
                    {
                        Roll(index + 1, coarserStart);
                    }

                    for (var s = 0; s < level.Sums.Length; s++)
                    {
                        coarser.Sums[s] += level.Sums[s];
                        coarser.Counts[s] += level.Counts[s];
                    }
                }

                level.Sums = new double[Workload.Symbols.Length];
                level.Counts = new long[Workload.Symbols.Length];
            }

            level.Start = start;
        }

        private sealed class Level(long width)
        {
            public long Width { get; } = width;

            public long Start { get; set; } = long.MinValue;

            public double[] Sums { get; set; } = new double[Workload.Symbols.Length];

            public long[] Counts { get; set; } = new long[Workload.Symbols.Length];

            public List<(long Start, double[] Sums, long[] Counts)> Finished { get; } = [];
        }
    }
}
