// Hand-written stand-ins for generated apps, written against the runtime API as the emitter will.
// The file is compiled into the tests and also embedded as text: FakeGenerator moves it into a case's
// namespace and the runner compiles it like generated code.
#nullable enable
using System;
using System.Collections.Generic;
using global::SiddhiGen.Runtime;

namespace SiddhiGen.Conformance.Tests.Apps;

/// <summary>An event of <c>InStream</c> and <c>OutStream</c>.</summary>
public readonly record struct Trade(string? Symbol, float? Price, long? Volume);

/// <summary>
/// <code>
/// define stream InStream (symbol string, price float, volume long);
/// @info(name = 'query1') from InStream#window.time(1 sec) select symbol, price, volume insert all events into OutStream;
/// </code>
/// plus an on-demand query <c>from OutStream select *</c> that returns every row InStream accepted.
/// An event with a negative volume makes the query throw (the app logs it and drops the event).
/// </summary>
public sealed partial class PassThroughApp : global::SiddhiGen.Runtime.SiddhiApp
{
    private static readonly StreamSchema s_in = new("InStream",
    [
        new StreamAttribute("symbol", SiddhiType.String),
        new StreamAttribute("price", SiddhiType.Float),
        new StreamAttribute("volume", SiddhiType.Long),
    ]);

    private readonly List<object?[]> _seen = [];

    public PassThroughApp(SiddhiAppOptions? options = null)
        : base("PassThroughApp", options, playback: true)
    {
        InStream = DefineStream(s_in, FromRow, ToRow);
        OutStream = DefineStream(s_in with { Name = "OutStream" }, FromRow, ToRow);
        var output = DefineQuery<Trade>("query1", s_in with { Name = "query1" }, ToRow);
        output.Target = OutStream;
        InStream.AddReceiver(new Query1(this, output));
    }

    public InputStream<Trade> InStream { get; }

    public InputStream<Trade> OutStream { get; }

    public override IReadOnlyList<object?[]> Query(string onDemandQuery) =>
        onDemandQuery == "from OutStream select *" ? [.. _seen] : throw new NotSupportedException(onDemandQuery);

    private static Trade FromRow(object?[] row) =>
        new(RowConvert.ToString(row[0], "symbol"), RowConvert.ToFloat(row[1], "price"), RowConvert.ToLong(row[2], "volume"));

    private static object?[] ToRow(Trade trade) => [trade.Symbol, trade.Price, trade.Volume];

    /// <summary>Emits each event at once, and again as expired one second later.</summary>
    private sealed class Query1(PassThroughApp app, QueryOutput<Trade> output) : IStreamReceiver<Trade>, ITimerTarget
    {
        private readonly EventBuffer<Trade> _buffer = new();
        private readonly Queue<StreamEvent<Trade>> _window = new();

        public void Receive(ReadOnlySpan<StreamEvent<Trade>> chunk)
        {
            foreach (ref readonly var e in chunk)
            {
                if (e.Data.Volume < 0)
                {
                    throw new InvalidOperationException("negative volume");
                }

                _buffer.Add(e.Timestamp, e.Data, EventKind.Current);
                _window.Enqueue(e);
                app._seen.Add(ToRow(e.Data));
                app.Clock.Schedule(e.Timestamp + 1000, this);
            }

            Flush();
        }

        public void OnTimer(long dueTime)
        {
            while (_window.TryPeek(out var e) && e.Timestamp + 1000 <= dueTime)
            {
                _window.Dequeue();
                _buffer.Add(dueTime, e.Data, EventKind.Expired);
            }

            Flush();
        }

        private void Flush()
        {
            output.Emit(_buffer);
            _buffer.Clear();
        }
    }
}

/// <summary>An app whose creation fails, as Siddhi's does for an app it rejects.</summary>
public sealed partial class RejectingApp : global::SiddhiGen.Runtime.SiddhiApp
{
    public RejectingApp(SiddhiAppOptions? options = null)
        : base("RejectingApp", options, playback: true) =>
        throw new InvalidOperationException("RejectingApp is invalid");
}

/// <summary>An app that never finishes processing an event.</summary>
public sealed partial class HangingApp : global::SiddhiGen.Runtime.SiddhiApp
{
    public HangingApp(SiddhiAppOptions? options = null)
        : base("HangingApp", options, playback: true)
    {
        var input = DefineStream(
            new StreamSchema("InStream", [new StreamAttribute("volume", SiddhiType.Long)]),
            row => RowConvert.ToLong(row[0], "volume"),
            volume => [volume]);
        input.Subscribe((long? _) =>
        {
            while (true)
            {
                System.Threading.Thread.Sleep(10);
            }
        });
    }
}
