using System.Globalization;

namespace SiddhiGen.Tool;

/// <summary>
/// A verb's command line: positional arguments and <c>--name value</c> options (repeatable, e.g.
/// <c>--set a=1 --set b=2</c>; <c>--flag</c> alone is "true"). Unknown options are errors, so a typo never
/// passes silently.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    private Arguments(List<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    /// <param name="flags">Options that take no value.</param>
    /// <param name="valued">Options that take a value.</param>
    public static Arguments Parse(IReadOnlyList<string> args, ISet<string> flags, ISet<string> valued)
    {
        var positional = new List<string>();
        var result = new Arguments(positional);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                positional.Add(arg);
                continue;
            }

            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && !valued.Contains(name))
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (flags.Contains(name))
            {
                value ??= "true";
            }
            else if (valued.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new UsageException($"--{name} needs a value.");
                    }

                    value = args[++i];
                }
            }
            else
            {
                throw new UsageException($"Unknown option --{name}.");
            }

            if (!result._options.TryGetValue(name, out var list))
            {
                result._options[name] = list = [];
            }

            list.Add(value);
        }

        return result;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];

    public bool Flag(string name) => Get(name) is { } v && v != "false";

    public double? GetDouble(string name) => Get(name) is { } text
        ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : throw new UsageException($"--{name} must be a non-negative number, not '{text}'.")
        : null;

    public long? GetLong(string name) => Get(name) is { } text
        ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : throw new UsageException($"--{name} must be a non-negative integer, not '{text}'.")
        : null;

    /// <summary>A duration: <c>500ms</c>, <c>10s</c>, <c>2m</c>, or plain milliseconds.</summary>
    public TimeSpan? GetDuration(string name)
    {
        if (Get(name) is not { } text)
        {
            return null;
        }

        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : text.EndsWith('m') ? (text[..^1], 60_000.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0
            ? TimeSpan.FromMilliseconds(v * unit)
            : throw new UsageException($"--{name} must be a duration such as 500ms, 10s or 2m, not '{text}'.");
    }
}

/// <summary>A wrong command line: printed with the usage, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
