namespace SiddhiGen.Extensions.Tests.Mechanism;

/// <summary>
/// A project defines its own function, aggregator and window in C# and uses them from a <c>.siddhi</c> file; each
/// misuse is a build error at the call in the <c>.siddhi</c> file, and an unusable declaration one at the C# code.
/// </summary>
public sealed class UserExtensionTests
{
    private const string Extensions = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using SiddhiGen.Runtime;

        namespace MyService;

        public static class Pricing
        {
            /// <summary>Adds a percentage (null stays null).</summary>
            [SiddhiFunction("custom:markup")]
            public static double? Markup(double? price, [SiddhiConstant] int? percent) => price * (100 + percent) / 100.0;
        }

        /// <summary>The largest value minus the smallest, over the window.</summary>
        [SiddhiAggregator("custom:range")]
        public sealed class RangeAggregator : IAttributeAggregator<double?, double?>
        {
            private readonly List<double> _values = new();
            public double? Value => _values.Count == 0 ? null : _values.Max() - _values.Min();
            public void Add(double? value) { if (value is { } v) _values.Add(v); }
            public void Remove(double? value) { if (value is { } v) _values.Remove(v); }
            public void Reset() => _values.Clear();
        }

        /// <summary>Keeps the last event of each key: a newer event of a key expires the older one.</summary>
        [SiddhiWindow("custom:lastPerKey")]
        public sealed class LastPerKeyWindow<T, TKey, TKeyAccessor> : IWindow<T>
            where TKey : notnull
            where TKeyAccessor : IAttributeAccessor<T, TKey>
        {
            private readonly AppClock _clock;
            private readonly int _maxKeys;
            private readonly Dictionary<TKey, StreamEvent<T>> _last = new();
            private StreamEvent<T>[] _contents = [];

            public LastPerKeyWindow(AppClock clock, int maxKeys = int.MaxValue)
            {
                _clock = clock;
                _maxKeys = maxKeys;
            }

            public ReadOnlySpan<StreamEvent<T>> Contents => _contents;

            public void Process(ReadOnlySpan<StreamEvent<T>> chunk, WindowOutput<T> output)
            {
                foreach (ref readonly var e in chunk)
                {
                    var key = TKeyAccessor.Get(in e.Data);
                    if (_last.TryGetValue(key, out var old))
                    {
                        output.Add(_clock.Now, in old.Data, EventKind.Expired);
                    }

                    if (_last.Count < _maxKeys || _last.ContainsKey(key))
                    {
                        _last[key] = e;
                    }

                    output.Add(e.Timestamp, in e.Data, EventKind.Current);
                }

                _contents = _last.Values.ToArray();
                output.CloseChunk();
            }

            public void OnTimer(long dueTime, WindowOutput<T> output)
            {
            }
        }
        """;

    [Test]
    public void UserFunctionAggregatorAndWindowRunFromSiddhi()
    {
        const string app = """
            define stream Trades (symbol string, price double);
            from Trades#window.custom:lastPerKey(symbol)
            select custom:markup(sum(price), 10) as total, custom:range(price) as spread
            insert into Out;
            """;
        using var h = ExtensionApp.Start(app, "Out", Extensions)
            .Send("Trades", "IBM", 100.0)
            .Send("Trades", "WSO2", 50.0)
            .Send("Trades", "IBM", 80.0);
        Assert.That(h.Rows.Select(r => r[0]), Is.EqualTo(new object?[] { 110.00000000000001, 165.0, 143.0 }).Within(1e-9));
        Assert.That(h.Rows.Select(r => r[1]), Is.EqualTo(new object?[] { 0.0, 50.0, 30.0 }));
    }

    [Test]
    public void MisusingTheFunctionIsALocatedError()
    {
        var build = ExtensionApp.Run("define stream T (symbol string, price double, p int);\nfrom T select custom:markup(symbol, p) as m insert into Out;", Extensions);
        var error = build.Errors.Single();
        Assert.That(error.Id, Is.EqualTo("SIDDHI039"));
        Assert.That(error.GetMessage(), Is.EqualTo("Function 'custom:markup' takes (double price, constant int percent) (arguments of these types, numbers widening int → long → float → double)"));
        Assert.That(error.Location.GetLineSpan().Path, Is.EqualTo(ExtensionApp.AppPath));
        Assert.That(error.Location.GetLineSpan().StartLinePosition, Is.EqualTo(new Microsoft.CodeAnalysis.Text.LinePosition(1, 14)));
    }

    [Test]
    public void MisusingTheAggregatorIsALocatedError()
    {
        var build = ExtensionApp.Run("define stream T (symbol string, price double);\nfrom T select custom:range(symbol) as r insert into Out;", Extensions);
        var error = build.Errors.Single();
        Assert.That(error.GetMessage(), Is.EqualTo("Aggregator 'custom:range' takes one double argument"));
        Assert.That(error.Location.GetLineSpan().StartLinePosition, Is.EqualTo(new Microsoft.CodeAnalysis.Text.LinePosition(1, 14)));

        var misplaced = ExtensionApp.Run("define stream T (price double);\nfrom T[custom:range(price) > 1] select price insert into Out;", Extensions);
        Assert.That(misplaced.Errors.Single().Id, Is.EqualTo("SIDDHI042"));
    }

    [Test]
    public void MisusingTheWindowIsALocatedError()
    {
        var noKey = ExtensionApp.Run("define stream T (symbol string, price double);\nfrom T#window.custom:lastPerKey(5) select symbol insert into Out;", Extensions);
        var error = noKey.Errors.Single();
        Assert.That(error.Id, Is.EqualTo("SIDDHI039"));
        Assert.That(error.GetMessage(), Is.EqualTo("Window 'custom:lastPerKey' takes one or more attributes (the key), then optionally a int constant (maxKeys)"));
        Assert.That(error.Location.GetLineSpan().StartLinePosition, Is.EqualTo(new Microsoft.CodeAnalysis.Text.LinePosition(1, 14)));

        var unknown = ExtensionApp.Run("define stream T (symbol string);\nfrom T#window.custom:firstPerKey(symbol) select symbol insert into Out;", Extensions);
        Assert.That(unknown.Errors.Single().Id, Is.EqualTo("SIDDHI038"));
    }

    [Test]
    public void AnUnusableDeclarationIsAnErrorAtTheCSharpCode()
    {
        const string bad = """
            using SiddhiGen.Runtime;
            public static class Bad
            {
                [SiddhiFunction("custom:when")]
                public static System.DateTime When(long? ms) => default;

                [SiddhiFunction("nonamespace")]
                public static int? Plain(int? x) => x;
            }
            """;
        var build = ExtensionApp.Run("define stream T (x int); from T select x insert into Out;", bad);
        var errors = build.Errors.Where(d => d.Id == "SIDDHI090").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.That(errors, Has.Count.EqualTo(2));
        Assert.That(errors[0].GetMessage(), Does.Contain("custom:when").And.Contain("return type System.DateTime is not a Siddhi type"));
        Assert.That(errors[0].Location.GetLineSpan().Path, Is.EqualTo("/src/MyService/Extensions.cs"));
        Assert.That(errors[0].Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(4), "the method's name");
        Assert.That(errors[1].GetMessage(), Does.Contain("'namespace:name'"));
    }
}
