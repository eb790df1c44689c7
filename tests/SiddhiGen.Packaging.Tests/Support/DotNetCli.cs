using System.Diagnostics;
using System.Text;

namespace SiddhiGen.Packaging.Tests;

/// <summary>What a command printed (stdout and stderr interleaved) and how it exited.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output, TimeSpan Duration)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>For assertion messages: the command, its exit code and the end of its output.</summary>
    public override string ToString() =>
        $"`{Command}` exited {ExitCode} after {Duration.TotalSeconds:F0} s:\n" + (Output.Length > 6000 ? "...\n" + Output[^6000..] : Output);
}

/// <summary>
/// Runs programs (mostly the dotnet CLI) the way a user's shell would: none of the MSBuild or test-host
/// variables of the `dotnet test` run that hosts these tests leak into them, MSBuild leaves no nodes
/// behind, and each command has a time limit.
/// </summary>
public static class DotNetCli
{
    /// <summary>
    /// Generous: a native AOT publish takes about 4 minutes on a quiet 2-core machine, yet over 10 when
    /// the machine is shared (CI also runs the other test projects beside it).
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(25);

    public static CommandResult Run(string workingDirectory, params string[] arguments) =>
        Run("dotnet", workingDirectory, arguments, environment: null, DefaultTimeout);

    public static CommandResult Run(string program, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase) || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var command = program + " " + string.Join(' ', arguments);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new CommandResult(command, -1, output + $"\n(killed after {timeout.TotalMinutes:F0} min)", watch.Elapsed);
        }

        process.WaitForExit(); // the output handlers have run
        TestContext.Progress.WriteLine($"  {command}: exit {process.ExitCode}, {watch.Elapsed.TotalSeconds:F1} s");
        return new CommandResult(command, process.ExitCode, output.ToString(), watch.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
