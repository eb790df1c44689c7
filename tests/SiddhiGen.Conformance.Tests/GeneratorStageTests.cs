using System.Collections.Immutable;
using SiddhiGen.Conformance.Compile;
using SiddhiGen.Conformance.Execution;
using SiddhiGen.Generator;
using SiddhiGen.Generator.Diagnostics;
using static SiddhiGen.Conformance.Tests.TestCases;

namespace SiddhiGen.Conformance.Tests;

public class GeneratorStageTests
{
    private static AppCompileResult With(params DiagnosticInfo[] diagnostics) => new(null, null, diagnostics.ToImmutableArray());

    private static readonly DiagnosticInfo s_unsupported = DiagnosticInfo.Create(DiagnosticDescriptors.NotSupportedYet, null, "partition");
    private static readonly DiagnosticInfo s_syntax = DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, null, "bad");
    private static readonly DiagnosticInfo s_crash = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, "NullReferenceException: x");

    private static readonly Cases.ConformanceCase s_accepted = PassThrough("", "{'streams': {}, 'queries': {}}");
    private static readonly Cases.ConformanceCase s_rejected = Rejected("x");

    [Test]
    public void NotSupportedYetMakesACaseUnsupported()
    {
        Assert.That(GeneratorStage.Classify(s_accepted, With(s_unsupported), null, false)?.Status, Is.EqualTo(CaseStatus.Unsupported));
        Assert.That(GeneratorStage.Classify(s_rejected, With(s_unsupported), null, false)?.Status, Is.EqualTo(CaseStatus.Unsupported));
    }

    [Test]
    public void AnotherErrorRejectsTheApp()
    {
        Assert.That(GeneratorStage.Classify(s_rejected, With(s_unsupported, s_syntax), null, false)?.Status, Is.EqualTo(CaseStatus.Pass));
        Assert.That(GeneratorStage.Classify(s_accepted, With(s_syntax), null, false)?.Status, Is.EqualTo(CaseStatus.Fail));
    }

    [Test]
    public void AGeneratorCrashIsNeverARejection()
    {
        Assert.That(GeneratorStage.Classify(s_rejected, With(s_crash, s_syntax), null, false)?.Status, Is.EqualTo(CaseStatus.Error));
        Assert.That(GeneratorStage.Classify(s_accepted, With(s_crash), null, false)?.Status, Is.EqualTo(CaseStatus.Error));
    }

    [Test]
    public void AcceptedAppsGoOnToTheCompiler()
    {
        var generated = new AppCompileResult("class X { }", "X", EquatableArray<DiagnosticInfo>.Empty);

        Assert.That(GeneratorStage.Classify(s_accepted, generated, null, false), Is.Null);
        Assert.That(GeneratorStage.Classify(s_rejected, generated, null, compileOnly: false), Is.Null, "creating it may still reject it");
        Assert.That(GeneratorStage.Classify(s_rejected, generated, null, compileOnly: true)?.Status, Is.EqualTo(CaseStatus.Fail));
        Assert.That(GeneratorStage.Classify(s_accepted, With(), null, false)?.Status, Is.EqualTo(CaseStatus.Error), "no source, no error");
    }
}
