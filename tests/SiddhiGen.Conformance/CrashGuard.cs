using System.Diagnostics;
using SiddhiGen.Conformance.Execution;

namespace SiddhiGen.Conformance;

/// <summary>
/// Keeps one case from ending the run by crashing the process (a stack overflow or a fatal error in a
/// generated app cannot be caught). The runner starts itself as a child process that records the cases
/// in flight in a <see cref="CaseJournal"/>. When the child dies, each case that was in flight is probed
/// alone in a fresh process; the ones that crash again are handed to the next attempt as crashed
/// (reported as errors, not run), and the whole run starts over. <c>--in-process</c> turns this off.
/// </summary>
public static class CrashGuard
{
    /// <summary>Set in a child: the journal to write.</summary>
    public const string JournalVariable = "SIDDHIGEN_CONFORMANCE_JOURNAL";

    /// <summary>Set in a child: a file of <c>id&lt;TAB&gt;reason</c> lines, the cases not to run.</summary>
    public const string CrashedVariable = "SIDDHIGEN_CONFORMANCE_CRASHED";

    /// <summary>Set in a probe: the one case to run, silently.</summary>
    public const string ProbeVariable = "SIDDHIGEN_CONFORMANCE_PROBE";

    /// <summary>Testing the guard: the runner fails fast when it generates the case with this id.</summary>
    public const string CrashOnVariable = "SIDDHIGEN_CONFORMANCE_CRASH_ON";

    private const int MaxAttempts = 8;

    /// <summary>Crashes the process when <see cref="CrashOnVariable"/> names <paramref name="id"/> (fault injection for tests).</summary>
    public static void CrashIfAsked(string id)
    {
        if (Environment.GetEnvironmentVariable(CrashOnVariable) == id)
        {
            Environment.FailFast("conformance: crash injected for " + id);
        }
    }

    /// <summary>True in the process the user started, unless <c>--in-process</c> was given.</summary>
    public static bool ShouldSupervise(IReadOnlyList<string> args) =>
        Environment.GetEnvironmentVariable(JournalVariable) is null
        && Environment.GetEnvironmentVariable(ProbeVariable) is null
        && !args.Contains("--in-process");

    /// <summary>The cases an earlier attempt found crashing, from <see cref="CrashedVariable"/>.</summary>
    public static IReadOnlyDictionary<string, string> ReadCrashed()
    {
        var path = Environment.GetEnvironmentVariable(CrashedVariable);
        var crashed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (path is not null && File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab > 0)
                {
                    crashed[line[..tab]] = line[(tab + 1)..];
                }
            }
        }

        return crashed;
    }

    /// <summary>Runs the child until it finishes normally; returns its exit code (3 when it keeps crashing).</summary>
    public static int Supervise(IReadOnlyList<string> args)
    {
        var journal = Path.GetTempFileName();
        var crashedFile = Path.GetTempFileName();
        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                File.WriteAllText(journal, "");
                var exitCode = RunChild(args, new() { [JournalVariable] = journal, [CrashedVariable] = crashedFile }, quiet: false);
                if (exitCode is 0 or 1 or 2)
                {
                    return exitCode;
                }

                var suspects = CaseJournal.InFlight(journal);
                if (suspects.Count == 0)
                {
                    Console.Error.WriteLine($"conformance: the runner crashed (exit code {exitCode}) outside any case.");
                    return 3;
                }

                var culprits = suspects.Count == 1 ? suspects : [.. suspects.Where(id => Probe(args, id))];
                if (culprits.Count == 0)
                {
                    culprits = suspects; // none crashed alone: blame every case that was in flight
                }

                foreach (var id in culprits)
                {
                    File.AppendAllText(crashedFile, $"{id}\texit code {exitCode} (stack overflow or fatal error); rerun it with --in-process --id to see the crash\n");
                }

                Console.Error.WriteLine($"conformance: the runner crashed (exit code {exitCode}) on {string.Join(", ", culprits)}; running again without it.");
            }

            Console.Error.WriteLine("conformance: the runner kept crashing; giving up.");
            return 3;
        }
        finally
        {
            File.Delete(journal);
            File.Delete(crashedFile);
        }
    }

    /// <summary>Runs one case alone in a fresh process; true when that process crashed.</summary>
    private static bool Probe(IReadOnlyList<string> args, string id) =>
        RunChild(args, new() { [ProbeVariable] = id }, quiet: true) is not (0 or 1 or 2);

    private static int RunChild(IReadOnlyList<string> args, Dictionary<string, string> environment, bool quiet)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = quiet,
            RedirectStandardError = quiet,
        };

        // Under `dotnet SiddhiGen.Conformance.dll` the process is the host: run the same assembly again.
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CrashGuard).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the runner process.");
        if (quiet)
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        process.WaitForExit();
        return process.ExitCode;
    }
}
