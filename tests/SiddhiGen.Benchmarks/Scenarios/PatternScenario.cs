using System.Reactive.Linq;
using System.Reactive.Subjects;
using SiddhiGen.Benchmarks.Harness;
using SiddhiGen.Benchmarks.Pattern;
using SiddhiGen.Runtime;

namespace SiddhiGen.Benchmarks.Scenarios;

/// <summary>
/// <c>from every e1=S[price &gt; 90] -&gt; e2=S[symbol == e1.symbol and price &lt; 10] within 1 sec select e1.symbol as symbol,
/// e1.price as p1, e2.price as p2 insert into O</c> (Apps/Pattern.siddhi): every event above 90 waits for the next event
/// of its symbol below 10; one such event completes all the waiting ones of its symbol, oldest first; a waiting event
/// is dropped once an event comes more than 1000 ms after it. Each row goes into the checksum as (symbol, p1) then (symbol, p2).
/// </summary>
internal sealed class PatternScenario : Scenario
{
    private const long WithinMillis = 1000;

    private static readonly SEvent[] s_events = Workload.Rows.Select(r => new SEvent(r.Symbol, r.Price, r.Volume)).ToArray();

    /// <summary>Each dataset event's symbol as an index into <see cref="Workload.Symbols"/>.</summary>
    private static readonly int[] s_symbols = Workload.Rows.Select(r => Array.IndexOf(Workload.Symbols, r.Symbol)).ToArray();

    public override string Name => "pattern";

    public override bool ChunksKeepEveryRow => true;

    protected override Contender CreateSiddhiGen(ChecksumSink sink, bool batch)
    {
        var app = new PatternApp(SiddhiGenContender<SEvent>.Options());
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
                sink.Add(e.Data.Symbol, e.Data.P1);
                sink.Add(e.Data.Symbol, e.Data.P2);
            }
        }

        public void OnNext(OEvent value)
        {
            sink.Add(value.Symbol, value.P1);
            sink.Add(value.Symbol, value.P2);
        }

        public void OnError(Exception error) => throw error;

        public void OnCompleted()
        {
        }
    }

    /// <summary>
    /// The query as plain C#: per symbol, a ring of the waiting (timestamp, price) in arrival order. An event below 10
    /// completes the waiting ones of its symbol still within 1000 ms, oldest first, and empties the ring; an event above
    /// 90 joins it.
    /// </summary>
    private sealed class Handwritten : Contender
    {
        private readonly Waiting[] _waiting = Workload.Symbols.Select(_ => new Waiting()).ToArray();

        public Handwritten(ChecksumSink sink)
            : base("handwritten", sink)
        {
        }

        protected override void RunPass(long firstTimestamp)
        {
            var sink = Sink;
            var events = s_events;
            var symbols = s_symbols;
            for (var i = 0; i < events.Length; i++)
            {
                var now = firstTimestamp + i;
                var price = events[i].Price.GetValueOrDefault();
                var waiting = _waiting[symbols[i]];
                if (price < 10)
                {
                    var symbol = events[i].Symbol;
                    for (var k = 0; k < waiting.Count; k++)
                    {
                        ref readonly var e1 = ref waiting.At(k);
                        if (now - e1.Timestamp <= WithinMillis)
                        {
                            sink.Add(symbol, e1.Price);
                            sink.Add(symbol, price);
                        }
                    }

                    waiting.Clear();
                }
                else if (price > 90)
                {
                    waiting.Add(now, price);
                }
            }
        }

        private sealed class Waiting
        {
            private (long Timestamp, double Price)[] _items = new (long, double)[64];
            private int _head;

            public int Count { get; private set; }

            public ref readonly (long Timestamp, double Price) At(int k) => ref _items[(_head + k) & (_items.Length - 1)];

            public void Add(long timestamp, double price)
            {
                if (Count == _items.Length)
                {
                    var grown = new (long, double)[_items.Length * 2];
                    for (var k = 0; k < Count; k++)
                    {
                        grown[k] = At(k);
                    }

                    _items = grown;
                    _head = 0;
                }

                _items[(_head + Count) & (_items.Length - 1)] = (timestamp, price);
                Count++;
            }

            public void Clear()
            {
                _head = 0;
                Count = 0;
            }
        }
    }

    /// <summary>
    /// The query in System.Reactive: timestamped events grouped by symbol; per group, <c>Scan</c> keeps the waiting
    /// events above 90 and the rows a low event completes; <c>SelectMany</c> flattens the rows.
    /// </summary>
    private sealed class Rx : Contender
    {
        private readonly Subject<(long Timestamp, SEvent Event)> _input = new();
        private readonly IDisposable _subscription;

        public Rx(ChecksumSink sink)
            : base("rx", sink)
        {
            _subscription = _input
                .GroupBy(e => e.Event.Symbol)
                .SelectMany(group => group.Scan(new GroupState(), (state, e) => state.Push(e.Timestamp, e.Event)))
                .SelectMany(state => state.Completed)
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

        private sealed class GroupState
        {
            private readonly Queue<(long Timestamp, double Price)> _waiting = new();

            public List<OEvent> Completed { get; } = new();

            public GroupState Push(long timestamp, SEvent e)
            {
                Completed.Clear();
                var price = e.Price.GetValueOrDefault();
                if (price < 10)
                {
                    while (_waiting.TryDequeue(out var e1))
                    {
                        if (timestamp - e1.Timestamp <= WithinMillis)
                        {
                            Completed.Add(new OEvent(e.Symbol, e1.Price, price));
                        }
                    }
                }
                else if (price > 90)
                {
                    _waiting.Enqueue((timestamp, price));
                }

                return this;
            }
        }
    }
}
