namespace SiddhiGen.Conformance.Execution;

/// <summary>How the runner works through the cases.</summary>
public sealed record RunnerSettings
{
    /// <summary>Only generate and compile, do not run (<c>--compile-only</c>).</summary>
    public bool CompileOnly { get; init; }

    /// <summary>The limit for generating one app and for running one case.</summary>
    public TimeSpan CaseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many apps go into one Roslyn compilation.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>How many batches are compiled and run at the same time.</summary>
    public int Jobs { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Snapshot, abandon and restore the app between steps (<c>--restore-each-step</c>, design.md section 7).</summary>
    public bool RestoreEachStep { get; init; }

    /// <summary>When set, the generated C# of every case is written there as <c>&lt;id&gt;.g.cs</c>.</summary>
    public string? EmitDirectory { get; init; }

    /// <summary>Progress lines on this writer (stderr with <c>--verbose</c>), or null.</summary>
    public TextWriter? Progress { get; init; }

    /// <summary>Where the cases being worked on are recorded (see <see cref="CrashGuard"/>), or null.</summary>
    public CaseJournal? Journal { get; init; }

    /// <summary>Cases that crashed the process in an earlier attempt, with why: they are reported as errors, not run.</summary>
    public IReadOnlyDictionary<string, string> Crashed { get; init; } = new Dictionary<string, string>();
}
