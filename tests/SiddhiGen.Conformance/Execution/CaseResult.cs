using SiddhiGen.Conformance.Cases;

namespace SiddhiGen.Conformance.Execution;

/// <summary>The outcome of one case, as reported (design.md section 5).</summary>
public enum CaseStatus
{
    /// <summary>The outputs match, or a rejected app was rejected.</summary>
    Pass,

    /// <summary>The outputs differ, or the app was wrongly accepted or rejected.</summary>
    Fail,

    /// <summary>Generator crash, generated code that does not compile, runtime exception or timeout.</summary>
    Error,

    /// <summary>The generator reported SIDDHI001 ('X' is not supported yet).</summary>
    Unsupported,
}

/// <param name="Detail">Why the case did not pass (or how a rejected app was rejected); null otherwise.</param>
/// <param name="Actual">What our engine produced, for <c>--actual</c>.</param>
public sealed record CaseResult(ConformanceCase Case, CaseStatus Status, string? Detail, ActualOutput Actual)
{
    public bool Passed => Status == CaseStatus.Pass;

    /// <summary>The first C# warning in the app's generated code, if any (it would fail a build that treats warnings as errors).</summary>
    public string? CompileWarning { get; init; }

    public static string StatusName(CaseStatus status) => status switch
    {
        CaseStatus.Pass => "pass",
        CaseStatus.Fail => "fail",
        CaseStatus.Error => "error",
        _ => "unsupported",
    };
}
