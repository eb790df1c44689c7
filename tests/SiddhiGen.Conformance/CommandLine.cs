using System.Globalization;

namespace SiddhiGen.Conformance;

/// <summary>The parsed command line (see the usage text in Program.cs).</summary>
public sealed record CommandLine
{
    public List<string> CaseFiles { get; } = [];

    public string? Area { get; private set; }

    public string? IdFilter { get; private set; }

    public bool CompileOnly { get; private set; }

    /// <summary><c>--restore-each-step</c>: carry on in a restored fresh instance between steps.</summary>
    public bool RestoreEachStep { get; private set; }

    public string? ReportPath { get; private set; }

    public string? ActualPath { get; private set; }

    public string? RatchetPath { get; private set; }

    public string? UpdateRatchetPath { get; private set; }

    public string? EmitDirectory { get; private set; }

    public double TimeoutSeconds { get; private set; } = 10;

    public int BatchSize { get; private set; } = 64;

    public int Jobs { get; private set; } = Math.Max(1, Environment.ProcessorCount);

    public bool Verbose { get; private set; }

    /// <summary><c>--store sqlite</c>: in-memory tables become SQLite-backed stores (see Stores/SqliteStoreMode.cs).</summary>
    public string? Store { get; private set; }

    /// <summary>Run without the crash guard's child process (see <see cref="CrashGuard"/>).</summary>
    public bool InProcess { get; private set; }

    /// <summary>True when a filter may have left cases out.</summary>
    public bool IsFiltered => Area is not null || IdFilter is not null;

    /// <exception cref="ArgumentException">An unknown option, a missing value, or no case file.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var line = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--area": line.Area = Value(); break;
                case "--id": line.IdFilter = Value(); break;
                case "--compile-only": line.CompileOnly = true; break;
                case "--restore-each-step": line.RestoreEachStep = true; break;
                case "--report": line.ReportPath = Value(); break;
                case "--actual": line.ActualPath = Value(); break;
                case "--ratchet": line.RatchetPath = Value(); break;
                case "--update-ratchet": line.UpdateRatchetPath = Value(); break;
                case "--emit": line.EmitDirectory = Value(); break;
                case "--timeout": line.TimeoutSeconds = PositiveNumber(args[i], Value()); break;
                case "--batch-size": line.BatchSize = (int)PositiveNumber(args[i], Value()); break;
                case "--jobs": line.Jobs = (int)PositiveNumber(args[i], Value()); break;
                case "--verbose": line.Verbose = true; break;
                case "--store": line.Store = Value() is "sqlite" ? "sqlite" : throw new ArgumentException("--store takes 'sqlite'."); break;
                case "--in-process": line.InProcess = true; break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new ArgumentException($"Unknown option {option}.");
                default: line.CaseFiles.Add(args[i]); break;
            }
        }

        if (line.CaseFiles.Count == 0)
        {
            throw new ArgumentException("No CASES.jsonl file given.");
        }

        if (line.CompileOnly && line.UpdateRatchetPath is not null)
        {
            throw new ArgumentException("--update-ratchet needs a full run: a case that only compiles does not pass.");
        }

        return line;
    }

    private static double PositiveNumber(string option, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? number
            : throw new ArgumentException($"{option} needs a number of at least 1, not '{value}'.");
}
