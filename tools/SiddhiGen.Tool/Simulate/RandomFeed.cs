using System.Globalization;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors.Mapping;

namespace SiddhiGen.Tool.Simulate;

/// <summary>
/// WSO2's random feed: per attribute <c>--random name=MIN..MAX</c> (numbers; ints and longs whole, floats
/// and doubles to <c>--precision</c> decimals), <c>--random name=a|b|c</c> (one of the values), or,
/// without a rule, a primitive: a number in 0..1000, a bool, or a short word for strings.
/// </summary>
public sealed class RandomFeed
{
    private readonly StreamSchema _schema;
    private readonly Func<object?>[] _generators;
    private readonly Random _random;

    public RandomFeed(StreamSchema schema, IReadOnlyList<string> rules, int precision, int? seed)
    {
        _schema = schema;
        _random = seed is { } s ? new Random(s) : new Random();
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var equals = rule.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"--random needs name=MIN..MAX or name=a|b|c, not '{rule}'.");
            }

            var name = rule[..equals];
            if (schema.IndexOf(name) < 0)
            {
                throw new UsageException($"--random: stream '{schema.Name}' has no attribute '{name}'.");
            }

            byName[name] = rule[(equals + 1)..];
        }

        _generators = [.. schema.Attributes.Select(a => Generator(a, byName.GetValueOrDefault(a.Name), precision))];
    }

    public IEnumerable<SimulatedEvent> Events()
    {
        while (true)
        {
            yield return new SimulatedEvent([.. _generators.Select(g => g())], null);
        }
    }

    private Func<object?> Generator(StreamAttribute attribute, string? rule, int precision)
    {
        if (rule is null)
        {
            return attribute.Type switch
            {
                SiddhiType.Bool => () => _random.Next(2) == 1,
                SiddhiType.String or SiddhiType.Object => () => Words[_random.Next(Words.Length)],
                _ => Range(attribute, 0, 1000, precision),
            };
        }

        var range = rule.Split("..", 2);
        if (range.Length == 2 && attribute.Type is SiddhiType.Int or SiddhiType.Long or SiddhiType.Float or SiddhiType.Double)
        {
            var min = ValueParser.ParseDouble(range[0], attribute.Name);
            var max = ValueParser.ParseDouble(range[1], attribute.Name);
            return min <= max ? Range(attribute, min, max, precision) : throw new UsageException($"--random {attribute.Name}: {min} is above {max}.");
        }

        // A list: each value parsed now, so a value that does not fit the attribute is an error before anything is sent.
        var values = rule.Split('|').Select(v => ValueParser.Parse(v, attribute.Type, attribute.Name)).ToArray();
        return () => values[_random.Next(values.Length)];
    }

    private Func<object?> Range(StreamAttribute attribute, double min, double max, int precision) => attribute.Type switch
    {
        SiddhiType.Int => () => (int)Math.Round(min + (_random.NextDouble() * (max - min))),
        SiddhiType.Long => () => (long)Math.Round(min + (_random.NextDouble() * (max - min))),
        SiddhiType.Float => () => (float)Math.Round(min + (_random.NextDouble() * (max - min)), precision),
        SiddhiType.Double => () => Math.Round(min + (_random.NextDouble() * (max - min)), precision),
        _ => throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--random {attribute.Name}: a range needs a numeric attribute, '{_schema.Name}.{attribute.Name}' is {attribute.Type.ToString().ToLowerInvariant()}.")),
    };

    private static readonly string[] Words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
}
