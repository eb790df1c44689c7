using SiddhiGen.Conformance.Cases;
using SiddhiGen.Conformance.Execution;
using SiddhiGen.Generator;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Conformance.Compile;

/// <summary>Produces the C# for one case's app; the runner uses <see cref="SiddhiAppCompiler"/>, tests a fake.</summary>
public delegate AppCompileResult AppGenerator(ConformanceCase testCase, CancellationToken cancellationToken);

/// <summary>
/// Runs the generator on a case and decides what its diagnostics mean (design.md section 5):
/// SIDDHI001 ('not supported yet') makes the case unsupported; SIDDHI002 (the generator crashed) is an
/// error, never a rejection; any other error diagnostic rejects the app, which passes a case the
/// reference rejected and fails one it accepted.
/// </summary>
public static class GeneratorStage
{
    public const string NotSupportedYet = "SIDDHI001";
    public const string GeneratorFailure = "SIDDHI002";

    /// <summary>The real generator: the app compiled as if it were <c>&lt;id&gt;.siddhi</c>, in a project referencing the extension libraries.</summary>
    public static readonly AppGenerator SiddhiGen = (testCase, ct) =>
        SiddhiAppCompiler.Compile(testCase.Id + ".siddhi", testCase.App, testCase.Namespace, References.Extensions, ct);

    /// <summary>Runs <paramref name="generator"/> under the watchdog; a hang or an exception becomes SIDDHI002-like output.</summary>
    public static AppCompileResult Generate(AppGenerator generator, ConformanceCase testCase, TimeSpan timeout, out string? failure)
    {
        AppCompileResult? result = null;
        if (!Watchdog.Run(ct => result = generator(testCase, ct), timeout, out var exception))
        {
            failure = $"generator: timeout after {timeout.TotalSeconds:0.#} s";
            return new AppCompileResult(null, null, EquatableArray<DiagnosticInfo>.Empty);
        }

        failure = exception is null ? null : "generator: " + CaseExecutor.Describe(exception);
        return result ?? new AppCompileResult(null, null, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>
    /// The case's result when the generator alone decides it, or null when the app must be compiled
    /// (and, in a full run, run). <paramref name="compileOnly"/>: a rejected app the generator accepted
    /// fails here, since only creating it could still reject it.
    /// </summary>
    public static CaseResult? Classify(ConformanceCase testCase, AppCompileResult generated, string? failure, bool compileOnly)
    {
        if (failure is not null)
        {
            return Result(testCase, CaseStatus.Error, failure, failure);
        }

        var errors = generated.Diagnostics.Where(d => d.IsError).ToList();
        var crash = errors.FirstOrDefault(d => d.Id == GeneratorFailure);
        var rejection = errors.FirstOrDefault(d => d.Id is not NotSupportedYet and not GeneratorFailure);
        var unsupported = errors.FirstOrDefault(d => d.Id == NotSupportedYet);

        if (crash is not null)
        {
            // The argument is the exception (type: message); the descriptor's wording adds nothing.
            var why = crash.MessageArgs.Count > 0 ? crash.MessageArgs[0] : crash.Message;
            return Result(testCase, CaseStatus.Error, "generator: " + why, Text(crash));
        }

        if (rejection is not null)
        {
            return testCase.IsRejected
                ? Result(testCase, CaseStatus.Pass, "rejected: " + Text(rejection), Text(rejection))
                : Result(testCase, CaseStatus.Fail, "rejected a valid app: " + Text(rejection), Text(rejection));
        }

        if (unsupported is not null)
        {
            return Result(testCase, CaseStatus.Unsupported, unsupported.Message, Text(unsupported));
        }

        if (testCase.IsRejected && compileOnly)
        {
            return new CaseResult(testCase, CaseStatus.Fail, $"the reference rejected the app but the generator accepted it ({Shorten(testCase.Error!)})", new ActualOutput());
        }

        if (generated.Source is null || generated.AppTypeName is null)
        {
            return Result(testCase, CaseStatus.Error, "generator: no source and no error diagnostic", "generator: no source");
        }

        return null;
    }

    /// <summary><c>SIDDHI001 (1,20): 'partition' is not supported yet</c></summary>
    private static string Text(DiagnosticInfo d) =>
        d.Location is { } l ? $"{d.Id} ({l.Line},{l.Column}): {d.Message}" : $"{d.Id}: {d.Message}";

    private static CaseResult Result(ConformanceCase testCase, CaseStatus status, string detail, string error) =>
        new(testCase, status, detail, ActualOutput.Rejected(error));

    private static string Shorten(string text)
    {
        text = text.Split('\n')[0].Trim();
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
