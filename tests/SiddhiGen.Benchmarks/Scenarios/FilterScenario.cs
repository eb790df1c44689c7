using System.Reactive.Linq;
using System.Reactive.Subjects;
using SiddhiGen.Benchmarks.Filter;
using SiddhiGen.Benchmarks.Harness;
using SiddhiGen.Runtime;

namespace SiddhiGen.Benchmarks.Scenarios;

/// <summary><c>from S[price &gt; 50] select symbol, price insert into O</c> (Apps/Filter.siddhi).</summary>
internal sealed class FilterScenario : Scenario
{
    private static readonly SEvent[] s_events = Workload.Rows.Select(r => new SEvent(r.Symbol, r.Price, r.Volume)).ToArray();

    public override string Name => "filter";

    public override bool ChunksKeepEveryRow => true;

    protected override Contender CreateSiddhiGen(ChecksumSink sink, bool batch)
    {
        var app = new FilterApp(SiddhiGenContender<SEvent>.Options());
        app.O.AddReceiver(new Output(sink));
        return new SiddhiGenContender<SEvent>(app, app.S, s_events, batch, sink);
    }

    protected override Contender CreateHandwritten(ChecksumSink sink) => new Handwritten(sink);

    protected override Contender CreateRx(ChecksumSink sink) => new Rx(sink);

    /// <summary>Feeds the rows of O into the checksum.</summary>
    private sealed class Output(ChecksumSink sink) : IStreamReceiver<OEvent>, IObserver<OEvent>
    {
        public void Receive(ReadOnlySpan<StreamEvent<OEvent>> chunk)
        {
            foreach (ref readonly var e in chunk)
            {
                sink.Add(e.Data.Symbol, e.Data.Price);
            }
        }

        public void OnNext(OEvent value) => sink.Add(value.Symbol, value.Price);

        public void OnError(Exception error) => throw error;

        public void OnCompleted()
        {
        }
    }

    /// <summary>The query as plain C#: test, pass the two attributes on. A null price never passes (Siddhi: comparisons with null are false).</summary>
    private sealed class Handwritten(ChecksumSink sink) : Contender("handwritten", sink)
    {
        protected override void RunPass(long firstTimestamp)
        {
            var sink = Sink;
            var events = s_events;
            for (var i = 0; i < events.Length; i++)
            {
                ref readonly var e = ref events[i];
                if (e.Price > 50.0)
                {
                    sink.Add(e.Symbol, e.Price);
                }
            }
        }
    }

    /// <summary>The query in System.Reactive: a subject, Where, Select.</summary>
    private sealed class Rx : Contender
    {
        private readonly Subject<SEvent> _input = new();
        private readonly IDisposable _subscription;

        public Rx(ChecksumSink sink)
            : base("rx", sink)
        {
            _subscription = _input
                .Where(e => e.Price > 50.0)
                .Select(e => new OEvent(e.Symbol, e.Price))
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
    }
}
