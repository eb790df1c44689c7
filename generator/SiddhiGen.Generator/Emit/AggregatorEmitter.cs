using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>Names the runtime aggregator type for each Siddhi aggregator and argument type.</summary>
internal static class AggregatorEmitter
{
    private const string Runtime = AppEmitter.Runtime;

    public static string TypeName(AggregatorSpec aggregator)
    {
        if (aggregator.Extension is { } extension)
        {
            return extension.TypeName;
        }

        var argumentType = aggregator.Argument?.Type ?? AttributeType.Long;
        return aggregator.Name switch
        {
            "count" => $"{Runtime}.CountAggregator",
            "sum" when argumentType is AttributeType.Int or AttributeType.Long => $"{Runtime}.SumLongAggregator",
            "sum" => $"{Runtime}.SumDoubleAggregator",
            "avg" => $"{Runtime}.AvgAggregator",
            "min" => $"{Runtime}.MinAggregator<{TypeNames.Plain(argumentType)}>",
            "max" => $"{Runtime}.MaxAggregator<{TypeNames.Plain(argumentType)}>",
            "minForever" => $"{Runtime}.MinForeverAggregator<{TypeNames.Plain(argumentType)}>",
            "maxForever" => $"{Runtime}.MaxForeverAggregator<{TypeNames.Plain(argumentType)}>",
            "stdDev" => $"{Runtime}.StdDevAggregator",
            "distinctCount" => $"{Runtime}.DistinctCountAggregator<{TypeNames.Nullable(argumentType)}>",
            "and" => $"{Runtime}.AndAggregator",
            "or" => $"{Runtime}.OrAggregator",
            "unionSet" => $"{Runtime}.UnionSetAggregator",
            _ => throw new System.InvalidOperationException("Unknown aggregator " + aggregator.Name),
        };
    }

    /// <summary>The argument passed to Add/Remove, converted to what the aggregator takes.</summary>
    public static string Argument(AggregatorSpec aggregator, ExpressionEmitter e)
    {
        if (aggregator.Argument is null)
        {
            return string.Empty;
        }

        var code = e.Emit(aggregator.Argument);
        if (aggregator.Extension is { } extension)
        {
            return ExtensionEmitter.Widen(aggregator.Argument, extension.Argument, code);
        }

        return aggregator.Name switch
        {
            "sum" when aggregator.Argument.Type is AttributeType.Int => $"(long?){ExpressionEmitter.Parenthesize(code)}",
            "sum" when aggregator.Argument.Type is AttributeType.Float => $"(double?){ExpressionEmitter.Parenthesize(code)}",
            "avg" or "stdDev" when aggregator.Argument.Type is not AttributeType.Double => $"(double?){ExpressionEmitter.Parenthesize(code)}",
            _ => code,
        };
    }
}
