// SiddhiGen conformance runner (contract: design.md section 5; case format: conformance/FORMAT.md).
//
//   dotnet run -c Release --project tests/SiddhiGen.Conformance -- [options] CASES.jsonl...
//
//   --area PREFIX          keep the cases whose area starts with PREFIX
//   --id TEXT              keep the cases whose id contains TEXT (debugging)
//   --compile-only         only run the generator and the C# compilation
//   --restore-each-step    before every step after the first and before `end`: snapshot the app, abandon it,
//                          restore the snapshot into a fresh instance on the same clock, and carry on
//   --report FILE.json     write {"cases":[{"id","area","status","detail"}]}
//   --actual FILE.jsonl    write what our engine produced, one line per case, in the case format's shape
//   --ratchet FILE         fail (exit code 1) when an id listed in FILE does not pass; print the ids
//                          that pass but are not listed. The team's list: tests/SiddhiGen.Conformance/known-passing.txt
//   --update-ratchet FILE  add the passing ids to FILE (sorted; never removes an id)
//   --emit DIR             write each case's generated C# to DIR/<id>.g.cs
//   --timeout SECONDS      limit per generator call and per case run (default 10)
//   --batch-size N         apps per Roslyn compilation (default 64)
//   --jobs N               batches compiled and run at once (default: processor count)
//   --verbose              progress per batch on stderr
//   --store sqlite         every table without @store becomes an SQLite store (a temp file per case)
//   --in-process           no crash guard: by default the run happens in a child process, and a case
//                          that crashes it (stack overflow) is reported as an error and the run repeated
//
// Output: a summary (status counts, top 'not supported yet' messages, top errors and failures), the
// ratchet check if asked, then one line per area `area <name>: <passed>/<total>`, `with output: p/t`
// and last `conformance: <passed>/<total> cases match`. Statuses: pass, fail (outputs differ: the
// first differing row), error (generator crash SIDDHI002, generated code that does not compile
// `compile: ...`, runtime exception, timeout) and unsupported (SIDDHI001, with its message).
// Exit code: 0 whether or not cases fail; 1 when the ratchet fails; 2 when the runner cannot run.
//
// Examples:
//   dotnet run -c Release --project tests/SiddhiGen.Conformance -- /work/shared/conformance/siddhi-core.jsonl
//   dotnet run -c Release --project tests/SiddhiGen.Conformance -- --area window --id lengthWindowTest1 --emit /tmp/gen CASES.jsonl
//   dotnet run -c Release --project tests/SiddhiGen.Conformance -- --ratchet tests/SiddhiGen.Conformance/known-passing.txt CASES.jsonl
using System.Diagnostics;
using System.Globalization;
using SiddhiGen.Conformance;
using SiddhiGen.Conformance.Cases;
using SiddhiGen.Conformance.Execution;
using SiddhiGen.Conformance.Reporting;

if (CrashGuard.ShouldSupervise(args))
{
    return CrashGuard.Supervise(args);
}

CommandLine options;
List<ConformanceCase> cases;
try
{
    options = CommandLine.Parse(args);
    cases = CaseReader.ReadFiles(options.CaseFiles);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("conformance: " + ex.Message);
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/SiddhiGen.Conformance -- [--area PREFIX] [--compile-only] [--report FILE.json] [--actual FILE.jsonl] [--ratchet FILE] [--update-ratchet FILE] CASES.jsonl...");
    Console.Error.WriteLine("       (all options: the comment at the top of tests/SiddhiGen.Conformance/Program.cs)");
    return 2;
}

if (Environment.GetEnvironmentVariable(CrashGuard.ProbeVariable) is { } probe)
{
    // A probe of the crash guard: run the one case; only whether the process survives matters.
    new ConformanceRunner(new RunnerSettings { Jobs = 1 }).Run([.. cases.Where(c => c.Id == probe)]);
    return 0;
}

using var journal = Environment.GetEnvironmentVariable(CrashGuard.JournalVariable) is { } journalPath ? new CaseJournal(journalPath) : null;
var selected = cases
    .Where(c => options.Area is null || c.Area.StartsWith(options.Area, StringComparison.Ordinal))
    .Where(c => options.IdFilter is null || c.Id.Contains(options.IdFilter, StringComparison.Ordinal))
    .ToList();
if (options.Store == "sqlite")
{
    selected = SiddhiGen.Conformance.Stores.SqliteStoreMode.Apply(selected);
}

var watch = Stopwatch.StartNew();
var runner = new ConformanceRunner(new RunnerSettings
{
    CompileOnly = options.CompileOnly,
    RestoreEachStep = options.RestoreEachStep,
    CaseTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
    BatchSize = options.BatchSize,
    Jobs = options.Jobs,
    EmitDirectory = options.EmitDirectory,
    Progress = options.Verbose ? Console.Error : null,
    Journal = journal,
    Crashed = CrashGuard.ReadCrashed(),
});
var results = runner.Run(selected);

var phases = string.Join(", ", runner.PhaseTimes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value.TotalSeconds:0.0} s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: {watch.Elapsed.TotalSeconds:0.0} s for {results.Count} cases ({phases}; summed over {options.Jobs} jobs)"));
ConsoleSummary.PrintSummary(results, Console.Out);

var exitCode = 0;
try
{
    if (options.ReportPath is { } reportPath)
    {
        ReportWriter.WriteReport(reportPath, results);
    }

    if (options.ActualPath is { } actualPath)
    {
        ReportWriter.WriteActual(actualPath, results);
    }

    if (options.RatchetPath is { } ratchetPath)
    {
        var listed = Ratchet.Read(ratchetPath);
        var check = Ratchet.Check(
            listed,
            results.Select(r => (r.Case.Id, r.Passed, CaseResult.StatusName(r.Status) + ": " + r.Detail)),
            allCasesRan: !options.IsFiltered);
        Ratchet.Print(check, listed.Count, Console.Out);
        exitCode = check.Failed ? 1 : 0;
    }

    if (options.UpdateRatchetPath is { } updatePath)
    {
        var added = Ratchet.Update(updatePath, results.Where(r => r.Passed).Select(r => r.Case.Id));
        Console.WriteLine($"ratchet: added {added} ids to {updatePath}");
    }
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("conformance: " + ex.Message);
    exitCode = 2;
}

ConsoleSummary.PrintContractLines(results, Console.Out);
return exitCode;
