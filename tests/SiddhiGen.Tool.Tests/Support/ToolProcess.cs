using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SiddhiGen.Tool.Tests.Support;

/// <summary>The built <c>siddhigen</c> tool run as a real process (<c>dotnet SiddhiGen.Tool.dll ...</c>), its output collected line by line.</summary>
public sealed class ToolProcess : IDisposable
{
    private readonly Process _process;

    private ToolProcess(Process process) => _process = process;

    public ConcurrentQueue<string> Output { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();

    public int ExitCode => _process.ExitCode;

    /// <summary>The repository root (the tests run from tests/SiddhiGen.Tool.Tests/bin/&lt;configuration&gt;/net10.0).</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    private static string ToolPath
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(RepositoryRoot, "tools/SiddhiGen.Tool/bin", configuration, "net10.0/SiddhiGen.Tool.dll");
        }
    }

    public static ToolProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        info.ArgumentList.Add(ToolPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var tool = new ToolProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                tool.Output.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                tool.Errors.Enqueue(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Runs the tool to its end and returns its exit code.</summary>
    public static async Task<ToolProcess> RunAsync(params string[] args)
    {
        var tool = Start(args);
        await tool.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return tool;
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"siddhigen did not exit within {timeout.TotalSeconds} s; output:\n{string.Join("\n", Output)}\n{string.Join("\n", Errors)}");
        }
    }

    /// <summary>Ctrl+C: SIGINT to the process.</summary>
    public void Interrupt()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            Assert.Ignore("Sending Ctrl+C to another process is only done on Unix here.");
        }

        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
