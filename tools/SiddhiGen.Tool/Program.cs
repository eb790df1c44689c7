// siddhigen: check .siddhi files, run one in memory, simulate events into a running app.
using SiddhiGen.Tool;
using SiddhiGen.Tool.Check;
using SiddhiGen.Tool.Run;
using SiddhiGen.Tool.Simulate;

const string usage = "usage:\n  " + CheckCommand.Usage + "\n  " + RunCommand.Usage + "\n  " + SimulateCommand.Usage;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops gracefully (sources first, sinks drained); a second one ends the process.
    if (!stop.IsCancellationRequested)
    {
        e.Cancel = true;
        stop.Cancel();
    }
};

try
{
    var rest = args.Skip(1).ToList();
    return args.FirstOrDefault() switch
    {
        "check" => CheckCommand.Run(rest, Console.Out),
        "run" => await RunCommand.RunAsync(rest, stop.Token),
        "simulate" => await SimulateCommand.RunAsync(rest, Console.Out, Console.Error, stop.Token),
        "--help" or "-h" or "help" => Help(),
        null => throw new UsageException("no verb given."),
        var verb => throw new UsageException($"unknown verb '{verb}'."),
    };
}
catch (UsageException ex)
{
    Console.Error.WriteLine("siddhigen: " + ex.Message);
    Console.Error.WriteLine(usage);
    return 2;
}

static int Help()
{
    Console.WriteLine(usage);
    return 0;
}
