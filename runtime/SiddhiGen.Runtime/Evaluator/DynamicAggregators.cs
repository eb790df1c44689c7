using System.Diagnostics;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Runtime.Evaluator;

/// <summary>
/// An attribute aggregator driven with boxed values: the interpreter's view of the runtime's aggregators. CURRENT
/// rows <see cref="Add"/>, EXPIRED rows <see cref="Remove"/>, and <see cref="Value"/> is the boxed aggregate.
/// </summary>
internal interface IDynamicAggregator : IStatePart
{
    void Add(object? value);

    void Remove(object? value);

    void Reset();

    object? Value { get; }
}

/// <summary>
/// Creates the runtime aggregator generated code would use for an <see cref="AggregatorSpec"/> (the same struct or
/// class, with the same argument conversion as <c>AggregatorEmitter</c>), behind <see cref="IDynamicAggregator"/>.
/// </summary>
internal static class DynamicAggregators
{
    public static IDynamicAggregator[] Create(IReadOnlyList<AggregatorSpec> specs)
    {
        var aggregators = new IDynamicAggregator[specs.Count];
        foreach (var spec in specs)
        {
            aggregators[spec.Index] = Create(spec);
        }

        return aggregators;
    }

    public static IDynamicAggregator Create(AggregatorSpec spec)
    {
        var type = spec.Argument?.Type ?? AttributeType.Long;
        return spec.Name switch
        {
            "count" => New<CountAggregator, object?, long>(static () => default, static v => v),
            "sum" when type is AttributeType.Int or AttributeType.Long => New<SumLongAggregator, long?, long?>(static () => default, Values.ToLong),
            "sum" => New<SumDoubleAggregator, double?, double?>(static () => default, Values.ToDouble),
            "avg" => New<AvgAggregator, double?, double?>(static () => default, Values.ToDouble),
            "stdDev" => New<StdDevAggregator, double?, double?>(static () => default, Values.ToDouble),
            "min" => Numeric(type, static () => new MinAggregator<int>(), static () => new MinAggregator<long>(), static () => new MinAggregator<float>(), static () => new MinAggregator<double>()),
            "max" => Numeric(type, static () => new MaxAggregator<int>(), static () => new MaxAggregator<long>(), static () => new MaxAggregator<float>(), static () => new MaxAggregator<double>()),
            "minForever" => Numeric(type, static () => default(MinForeverAggregator<int>), static () => default(MinForeverAggregator<long>), static () => default(MinForeverAggregator<float>), static () => default(MinForeverAggregator<double>)),
            "maxForever" => Numeric(type, static () => default(MaxForeverAggregator<int>), static () => default(MaxForeverAggregator<long>), static () => default(MaxForeverAggregator<float>), static () => default(MaxForeverAggregator<double>)),
            "distinctCount" => type switch
            {
                AttributeType.Int => New<DistinctCountAggregator<int?>, int?, long>(static () => new(), Values.ToInt),
                AttributeType.Long => New<DistinctCountAggregator<long?>, long?, long>(static () => new(), Values.ToLong),
                AttributeType.Float => New<DistinctCountAggregator<float?>, float?, long>(static () => new(), Values.ToFloat),
                AttributeType.Double => New<DistinctCountAggregator<double?>, double?, long>(static () => new(), Values.ToDouble),
                AttributeType.Bool => New<DistinctCountAggregator<bool?>, bool?, long>(static () => new(), static v => (bool?)v),
                _ => New<DistinctCountAggregator<string?>, string?, long>(static () => new(), static v => (string?)v),
            },
            "and" => New<AndAggregator, bool?, bool>(static () => default, static v => (bool?)v),
            "or" => New<OrAggregator, bool?, bool>(static () => default, static v => (bool?)v),
            "unionSet" => New<UnionSetAggregator, object?, HashSet<object?>>(static () => new(), static v => v),
            _ => throw new NotSupportedException("Aggregator '" + spec.Name + "' is not supported by the evaluator."),
        };
    }

    private static IDynamicAggregator New<TAggregator, TIn, TOut>(Func<TAggregator> create, Func<object?, TIn> convert)
        where TAggregator : IAttributeAggregator<TIn, TOut>, IStatePart =>
        new Boxed<TAggregator, TIn, TOut>(create, convert);

    private static IDynamicAggregator Numeric<TInt, TLong, TFloat, TDouble>(AttributeType type, Func<TInt> i, Func<TLong> l, Func<TFloat> f, Func<TDouble> d)
        where TInt : IAttributeAggregator<int?, int?>, IStatePart
        where TLong : IAttributeAggregator<long?, long?>, IStatePart
        where TFloat : IAttributeAggregator<float?, float?>, IStatePart
        where TDouble : IAttributeAggregator<double?, double?>, IStatePart => type switch
        {
            AttributeType.Int => New<TInt, int?, int?>(i, Values.ToInt),
            AttributeType.Long => New<TLong, long?, long?>(l, Values.ToLong),
            AttributeType.Float => New<TFloat, float?, float?>(f, Values.ToFloat),
            _ => New<TDouble, double?, double?>(d, Values.ToDouble),
        };

    /// <summary>One runtime aggregator (a struct is held in place, so its calls mutate this copy).</summary>
    [DebuggerDisplay("Value = {Value}")]
    private sealed class Boxed<TAggregator, TIn, TOut> : IDynamicAggregator
        where TAggregator : IAttributeAggregator<TIn, TOut>, IStatePart
    {
        private readonly Func<object?, TIn> _convert;
        private TAggregator _aggregator;

        public Boxed(Func<TAggregator> create, Func<object?, TIn> convert)
        {
            _aggregator = create();
            _convert = convert;
        }

        public object? Value => _aggregator.Value;

        public void Add(object? value) => _aggregator.Add(_convert(value));

        public void Remove(object? value) => _aggregator.Remove(_convert(value));

        public void Reset() => _aggregator.Reset();

        public void WriteState(StateWriter writer) => _aggregator.WriteState(writer);

        public void ReadState(StateReader reader) => _aggregator.ReadState(reader);
    }
}
