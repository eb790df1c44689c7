using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SiddhiGen.Benchmarks.Harness;

/// <summary>
/// What a timed run is measured with: wall-clock time (the contract), or, with the environment variable
/// <c>SIDDHIGEN_BENCH_CLOCK=thread</c> on Linux, the CPU time of the benchmark thread, which keeps numbers
/// comparable while other processes load the machine (development only; report wall-clock figures).
/// </summary>
internal static partial class RunClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static readonly bool UsesThreadCpuTime =
        Environment.GetEnvironmentVariable("SIDDHIGEN_BENCH_CLOCK") == "thread" && OperatingSystem.IsLinux();

    /// <summary>The current reading in seconds.</summary>
    public static double Now()
    {
        if (UsesThreadCpuTime && ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0)
        {
            return ts.Seconds + (ts.Nanoseconds * 1e-9);
        }

        return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
