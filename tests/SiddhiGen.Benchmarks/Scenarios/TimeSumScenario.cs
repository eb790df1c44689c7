using System.Reactive.Linq;
using System.Reactive.Subjects;
using SiddhiGen.Benchmarks.Harness;
using SiddhiGen.Benchmarks.TimeSum;
using SiddhiGen.Runtime;

namespace SiddhiGen.Benchmarks.Scenarios;

/// <summary>
/// <c>from S#window.time(1 sec) select sum(volume) as total insert into O</c> (Apps/TimeSum.siddhi): for each
/// event, the total volume of the events of the last 1000 ms of event time (an event stamped <c>t</c> has left
/// once an event stamped <c>t + 1000</c> or later arrives).
/// </summary>
internal sealed class TimeSumScenario : Scenario
{
    private const long WindowMillis = 1000;

    private static readonly SEvent[] s_events = Workload.Rows.Select(r => new SEvent(r.Symbol, r.Price, r.Volume)).ToArray();

    public override string Name => "time-sum";

    public override bool ChunksKeepEveryRow => false;

    protected override Contender CreateSiddhiGen(ChecksumSink sink, bool batch)
    {
        var app = new TimeSumApp(SiddhiGenContender<SEvent>.Options());
        app.O.AddReceiver(new Output(sink));
        return new SiddhiGenContender<SEvent>(app, app.S, s_events, batch, sink);
    }

    protected override Contender CreateHandwritten(ChecksumSink sink) => new Handwritten(sink);

    protected override Contender CreateRx(ChecksumSink sink) => new Rx(sink);

    private sealed class Output(ChecksumSink sink) : IStreamReceiver<OEvent>, IObserver<OEvent>
    {
        public void Receive(ReadOnlySpan<StreamEvent<OEvent>> chunk)
        {
            foreach (ref readonly var e in chunk)
            {
                sink.Add(e.Data.Total);
            }
        }

        public void OnNext(OEvent value) => sink.Add(value.Total);

        public void OnError(Exception error) => throw error;

        public void OnCompleted()
        {
        }
    }

    /// <summary>
    /// The query as plain C#: a power-of-two ring of (timestamp, volume) in arrival order, a running total and a
    /// count of non-null volumes (the sum is null while there is none, as Siddhi's).
    /// </summary>
    private sealed class Handwritten : Contender
    {
        private Held[] _ring = new Held[2048];
        private int _head;
        private int _count;
        private long _total;
        private long _nonNull;

        public Handwritten(ChecksumSink sink)
            : base("handwritten", sink)
        {
        }

        protected override void RunPass(long firstTimestamp)
        {
            var sink = Sink;
            var events = s_events;
            for (var i = 0; i < events.Length; i++)
            {
                var now = firstTimestamp + i;
                var mask = _ring.Length - 1;
                while (_count != 0 && _ring[_head].Timestamp <= now - WindowMillis)
                {
                    ref readonly var leaving = ref _ring[_head];
                    if (leaving.HasVolume)
                    {
                        _total -= leaving.Volume;
                        _nonNull--;
                    }

                    _head = (_head + 1) & mask;
                    _count--;
                }

                if (_count == _ring.Length)
                {
                    Grow();
                    mask = _ring.Length - 1;
                }

                var volume = events[i].Volume;
                _ring[(_head + _count) & mask] = new Held(now, volume.GetValueOrDefault(), volume.HasValue);
                _count++;
                if (volume.HasValue)
                {
                    _total += volume.GetValueOrDefault();
                    _nonNull++;
                }

                sink.Add(_nonNull == 0 ? null : _total);
            }
        }

        private void Grow()
        {
            var grown = new Held[_ring.Length * 2];
            for (var i = 0; i < _count; i++)
            {
                grown[i] = _ring[(_head + i) & (_ring.Length - 1)];
            }

            _ring = grown;
            _head = 0;
        }

        private readonly record struct Held(long Timestamp, long Volume, bool HasVolume);
    }

    /// <summary>
    /// The query in System.Reactive: timestamped events, <c>Scan</c> over a window state (a queue of the events
    /// of the last second and a running total), then <c>Select</c> the total.
    /// </summary>
    private sealed class Rx : Contender
    {
        private readonly Subject<(long Timestamp, SEvent Event)> _input = new();
        private readonly IDisposable _subscription;

        public Rx(ChecksumSink sink)
            : base("rx", sink)
        {
            _subscription = _input
                .Scan(new WindowState(), (state, e) => state.Push(e.Timestamp, e.Event.Volume))
                .Select(state => new OEvent(state.Total))
                .Subscribe(new Output(sink));
        }

        public override void Dispose() => _subscription.Dispose();

        protected override void RunPass(long firstTimestamp)
        {
            var input = _input;
            var events = s_events;
            for (var i = 0; i < events.Length; i++)
            {
                input.OnNext((firstTimestamp + i, events[i]));
            }
        }

        private sealed class WindowState
        {
            private readonly Queue<(long Timestamp, long? Volume)> _window = new();
            private long _total;
            private long _nonNull;

            public long? Total => _nonNull == 0 ? null : _total;

            public WindowState Push(long timestamp, long? volume)
            {
                while (_window.TryPeek(out var oldest) && oldest.Timestamp <= timestamp - WindowMillis)
                {
                    _window.Dequeue();
                    if (oldest.Volume is { } v)
                    {
                        _total -= v;
                        _nonNull--;
                    }
                }

                _window.Enqueue((timestamp, volume));
                if (volume is { } added)
                {
                    _total += added;
                    _nonNull++;
                }

                return this;
            }
        }
    }
}
