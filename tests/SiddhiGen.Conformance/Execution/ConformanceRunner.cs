using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using SiddhiGen.Conformance.Cases;
using SiddhiGen.Conformance.Compile;
using SiddhiGen.Generator;
using SiddhiGen.Runtime;

namespace SiddhiGen.Conformance.Execution;

/// <summary>
/// The whole run: generate every app (in parallel), compile the ones that need it in batches, load
/// each batch into a collectible context, and run its cases one by one under the watchdog. Batches are
/// compiled and run in parallel. One case never stops the run: every failure becomes its result.
/// </summary>
public sealed class ConformanceRunner(RunnerSettings settings, AppGenerator generator, BatchCompiler compiler)
{
    public ConformanceRunner(RunnerSettings settings)
        : this(settings, GeneratorStage.SiddhiGen, new BatchCompiler(References.All))
    {
    }

    /// <summary>Time spent per phase (summed over threads), for the timing line.</summary>
    public ConcurrentDictionary<string, TimeSpan> PhaseTimes { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs the cases and returns their results in the same order.</summary>
    public IReadOnlyList<CaseResult> Run(IReadOnlyList<ConformanceCase> cases)
    {
        var results = new CaseResult?[cases.Count];
        var toCompile = new ConcurrentBag<(int Position, ConformanceCase Case, AppCompileResult Generated)>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Jobs };

        Timed("generate", () => Parallel.For(0, cases.Count, parallel, i =>
        {
            if (settings.Crashed.TryGetValue(cases[i].Id, out var crash))
            {
                var error = "crashed the runner process: " + crash;
                results[i] = new CaseResult(cases[i], CaseStatus.Error, error, ActualOutput.Rejected(error));
                return;
            }

            settings.Journal?.Begin(cases[i].Id);
            CrashGuard.CrashIfAsked(cases[i].Id);
            var generated = GeneratorStage.Generate(generator, cases[i], settings.CaseTimeout, out var failure);
            settings.Journal?.End(cases[i].Id);
            WriteSource(cases[i], generated);
            results[i] = GeneratorStage.Classify(cases[i], generated, failure, settings.CompileOnly);
            if (results[i] is null)
            {
                toCompile.Add((i, cases[i], generated));
            }
        }));

        var batches = toCompile.OrderBy(c => c.Position).Chunk(settings.BatchSize).ToList();
        Parallel.For(0, batches.Count, parallel, b => RunBatch(b, batches.Count, batches[b], results));
        return [.. results.Select((r, i) => r ?? new CaseResult(cases[i], CaseStatus.Error, "runner: no result", new ActualOutput()))];
    }

    private void RunBatch(int number, int count, (int Position, ConformanceCase Case, AppCompileResult Generated)[] batch, CaseResult?[] results)
    {
        var name = "Conformance.Batch" + number.ToString(CultureInfo.InvariantCulture);
        var units = batch.Select(c => new CompileUnit(c.Position, c.Case.Id + ".g.cs", c.Generated.Source!)).ToList();
        var watch = Stopwatch.StartNew();
        var compiled = Timed("compile", () => compiler.Compile(units, name));
        var compileTime = watch.Elapsed;
        foreach (var (position, error) in compiled.Failures)
        {
            results[position] = new CaseResult(batch.First(c => c.Position == position).Case, CaseStatus.Error, "compile: " + error, ActualOutput.Rejected("compile: " + error));
        }

        var runnable = batch.Where(c => !compiled.Failures.ContainsKey(c.Position)).ToList();
        if (settings.CompileOnly || compiled.Image is null)
        {
            foreach (var c in runnable)
            {
                results[c.Position] = FailOnWarning(new CaseResult(c.Case, CaseStatus.Pass, null, new ActualOutput()), compiled.Warnings.GetValueOrDefault(c.Position));
            }

            Report(number, count, batch.Length, compiled.Failures.Count, compileTime, TimeSpan.Zero);
            return;
        }

        watch.Restart();
        var context = new BatchLoadContext(name);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(compiled.Image));
            Timed("run", () =>
            {
                foreach (var c in runnable)
                {
                    results[c.Position] = FailOnWarning(RunCase(c.Case, assembly, c.Generated.AppTypeName!), compiled.Warnings.GetValueOrDefault(c.Position));
                }
            });
        }
        finally
        {
            context.Unload();
        }

        Report(number, count, batch.Length, compiled.Failures.Count, compileTime, watch.Elapsed);
    }

    /// <summary>
    /// Users build with warnings as errors, so generated code with a C# warning fails their build: the case
    /// is an error whatever it output (design.md section 7), its detail the first warning.
    /// </summary>
    private static CaseResult FailOnWarning(CaseResult result, string? warning) => warning is null
        ? result
        : result with { Status = CaseStatus.Error, Detail = "warning: " + warning, CompileWarning = warning };

    private CaseResult RunCase(ConformanceCase testCase, Assembly assembly, string appTypeName)
    {
        Func<SiddhiAppOptions, SiddhiApp> create;
        try
        {
            create = AppFactory(assembly, appTypeName);
        }
        catch (Exception ex)
        {
            var error = "load: " + CaseExecutor.Describe(ex);
            return new CaseResult(testCase, CaseStatus.Error, error, ActualOutput.Rejected(error));
        }

        var actual = new ActualOutput();
        settings.Journal?.Begin(testCase.Id);
        var watch = Stopwatch.StartNew();
        var finished = Watchdog.Run(ct => CaseExecutor.Execute(testCase, create, actual, ct, settings.RestoreEachStep), settings.CaseTimeout, out var exception);
        if (watch.Elapsed > TimeSpan.FromSeconds(1))
        {
            settings.Progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slow case {testCase.Id}: {watch.Elapsed.TotalSeconds:0.0} s"));
        }

        if (!finished)
        {
            // Not ended in the journal: the abandoned thread may still crash the process (or add rows).
            var error = $"timeout after {settings.CaseTimeout.TotalSeconds:0.#} s";
            actual.Error = error;
            return new CaseResult(testCase, CaseStatus.Error, error, actual);
        }

        settings.Journal?.End(testCase.Id);
        if (exception is not null)
        {
            var error = "runner: " + CaseExecutor.Describe(exception);
            return new CaseResult(testCase, CaseStatus.Error, error, ActualOutput.Rejected(error));
        }

        return CaseJudge.Judge(testCase, actual);
    }

    /// <summary>Finds the generated app class and its <c>(SiddhiAppOptions? options)</c> constructor.</summary>
    public static Func<SiddhiAppOptions, SiddhiApp> AppFactory(Assembly assembly, string appTypeName)
    {
        var type = assembly.GetType(appTypeName, throwOnError: false)
            ?? throw new TypeLoadException($"The batch has no type '{appTypeName}'.");
        var constructor = type.GetConstructor([typeof(SiddhiAppOptions)])
            ?? throw new MissingMethodException($"'{appTypeName}' has no constructor taking SiddhiAppOptions.");
        return options =>
        {
            try
            {
                return (SiddhiApp)constructor.Invoke([options]);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(ex.InnerException);
                throw;
            }
        };
    }

    private void WriteSource(ConformanceCase testCase, AppCompileResult generated)
    {
        if (settings.EmitDirectory is { } directory && generated.Source is { } source)
        {
            Directory.CreateDirectory(directory);
            var file = string.Concat(testCase.Id.Select(ch => Path.GetInvalidFileNameChars().Contains(ch) || ch == '#' ? '_' : ch));
            File.WriteAllText(Path.Combine(directory, file + ".g.cs"), source);
        }
    }

    private void Report(int number, int count, int apps, int broken, TimeSpan compile, TimeSpan run) =>
        settings.Progress?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"batch {number + 1}/{count}: {apps} apps, {broken} did not compile, compiled in {compile.TotalSeconds:0.0} s, ran in {run.TotalSeconds:0.0} s"));

    private void Timed(string phase, Action action) => Timed(phase, () =>
    {
        action();
        return 0;
    });

    private T Timed<T>(string phase, Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return action();
        }
        finally
        {
            PhaseTimes.AddOrUpdate(phase, watch.Elapsed, (_, total) => total + watch.Elapsed);
        }
    }
}
