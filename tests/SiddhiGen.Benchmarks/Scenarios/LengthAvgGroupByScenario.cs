using System.Reactive.Linq;
using System.Reactive.Subjects;
using SiddhiGen.Benchmarks.Harness;
using SiddhiGen.Benchmarks.LengthAvgGroupBy;
using SiddhiGen.Runtime;

namespace SiddhiGen.Benchmarks.Scenarios;

/// <summary>
/// <c>from S#window.length(100) select symbol, avg(price) as ap group by symbol insert into O</c>
/// (Apps/LengthAvgGroupBy.siddhi): a sliding window of the last 100 events overall; for each event, the average
/// price of the events of its symbol currently in the window.
/// </summary>
internal sealed class LengthAvgGroupByScenario : Scenario
{
    private const int WindowLength = 100;

    private static readonly SEvent[] s_events = Workload.Rows.Select(r => new SEvent(r.Symbol, r.Price, r.Volume)).ToArray();

    public override string Name => "length-avg-groupby";

    public override bool ChunksKeepEveryRow => false;

    protected override Contender CreateSiddhiGen(ChecksumSink sink, bool batch)
    {
        var app = new LengthAvgGroupByApp(SiddhiGenContender<SEvent>.Options());
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
                sink.Add(e.Data.Symbol, e.Data.Ap);
            }
        }

        public void OnNext(OEvent value) => sink.Add(value.Symbol, value.Ap);

        public void OnError(Exception error) => throw error;

        public void OnCompleted()
        {
        }
    }

    /// <summary>
    /// The query as a skilled engineer writes it by hand: a ring of the last 100 events that remembers each
    /// event's group index, so the leaving event costs no lookup; per-group running sum and count in a flat
    /// array; one dictionary lookup per event (string keys get .NET's fast non-randomised hashing). The leaving
    /// event is subtracted before the arriving one is added, and the mean is sum / count, as Siddhi computes it.
    /// </summary>
    private sealed class Handwritten : Contender
    {
        private readonly Dictionary<string, int> _groupOf = [];
        private readonly Held[] _window = new Held[WindowLength];
        private Group[] _groups = new Group[16];
        private int _groupCount;
        private int _nullGroup = -1;
        private int _head;
        private int _held;

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
                ref readonly var e = ref events[i];
                var g = GroupOf(e.Symbol);
                ref var slot = ref _window[_head];
                if (_held == WindowLength)
                {
                    if (slot.HasPrice)
                    {
                        ref var leaving = ref _groups[slot.Group];
                        leaving.Sum -= slot.Price;
                        leaving.Count--;
                    }
                }
                else
                {
                    _held++;
                }

                var price = e.Price;
                slot = new Held(g, price.GetValueOrDefault(), price.HasValue);
                if (++_head == WindowLength)
                {
                    _head = 0;
                }

                ref var group = ref _groups[g];
                if (price.HasValue)
                {
                    group.Sum += price.GetValueOrDefault();
                    group.Count++;
                }

                sink.Add(e.Symbol, group.Count == 0 ? null : group.Sum / group.Count);
            }
        }

        private int GroupOf(string? symbol)
        {
            if (symbol is null)
            {
                return _nullGroup >= 0 ? _nullGroup : _nullGroup = NewGroup();
            }

            if (_groupOf.TryGetValue(symbol, out var g))
            {
                return g;
            }

            g = NewGroup();
            _groupOf.Add(symbol, g);
            return g;
        }

        private int NewGroup()
        {
            if (_groupCount == _groups.Length)
            {
                Array.Resize(ref _groups, _groups.Length * 2);
            }

            return _groupCount++;
        }

        private struct Group
        {
            public double Sum;
            public long Count;
        }

        private readonly record struct Held(int Group, double Price, bool HasPrice);
    }

    /// <summary>
    /// The query in System.Reactive: <c>Scan</c> over a window state (a queue of the last 100 events and a
    /// running sum and count per symbol), then <c>Select</c> the arriving event's symbol and its group's mean.
    /// </summary>
    private sealed class Rx : Contender
    {
        private readonly Subject<SEvent> _input = new();
        private readonly IDisposable _subscription;

        public Rx(ChecksumSink sink)
            : base("rx", sink)
        {
            _subscription = _input
                .Scan(new WindowState(), (state, e) => state.Push(e))
                .Select(state => new OEvent(state.Last.Symbol, state.LastAverage))
                .Subscribe(new Output(sink));
        }

        public override void Dispose() => _subscription.Dispose();

        protected override void RunPass(long firstTimestamp)
        {
            var input = _input;
            var events = s_events;
            for (var i = 0; i < events.Length; i++)
            {
                input.OnNext(events[i]);
            }
        }

        private sealed class WindowState
        {
            private readonly Queue<SEvent> _window = new(WindowLength + 1);
            private readonly Dictionary<string, Average> _bySymbol = [];
            private Average _nullSymbol = new();

            public SEvent Last { get; private set; }

            public double? LastAverage { get; private set; }

            public WindowState Push(SEvent e)
            {
                if (_window.Count == WindowLength)
                {
                    var leaving = _window.Dequeue();
                    GroupOf(leaving.Symbol).Remove(leaving.Price);
                }

                _window.Enqueue(e);
                var group = GroupOf(e.Symbol);
                group.Add(e.Price);
                Last = e;
                LastAverage = group.Value;
                return this;
            }

            private Average GroupOf(string? symbol)
            {
                if (symbol is null)
                {
                    return _nullSymbol;
                }

                if (!_bySymbol.TryGetValue(symbol, out var group))
                {
                    _bySymbol.Add(symbol, group = new Average());
                }

                return group;
            }
        }

        private sealed class Average
        {
            private double _sum;
            private long _count;

            public double? Value => _count == 0 ? null : _sum / _count;

            public void Add(double? price)
            {
                if (price is { } p)
                {
                    _sum += p;
                    _count++;
                }
            }

            public void Remove(double? price)
            {
                if (price is { } p)
                {
                    _sum -= p;
                    _count--;
                }
            }
        }
    }
}
