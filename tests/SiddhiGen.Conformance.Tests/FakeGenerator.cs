using System.Collections.Immutable;
using System.Reflection;
using SiddhiGen.Conformance.Cases;
using SiddhiGen.Generator;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Conformance.Tests;

/// <summary>
/// Stands in for the generator: the case's app text names what to "generate". <c>PASS</c>,
/// <c>REJECT_AT_CREATE</c> and <c>HANG</c> give the hand-written apps (moved into the case's
/// namespace), <c>WARN</c> the passing app beside a C# warning (CS0169), <c>BROKEN</c> C# that does not compile, <c>UNSUPPORTED</c> SIDDHI001, <c>INVALID</c>
/// a syntax error, <c>CRASH</c> SIDDHI002, and <c>THROW</c> an exception.
/// </summary>
internal static class FakeGenerator
{
    private const string AppsNamespace = "namespace SiddhiGen.Conformance.Tests.Apps;";

    private static readonly Lazy<string> s_source = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("HandWrittenApps.cs")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static AppCompileResult Generate(ConformanceCase testCase, CancellationToken cancellationToken)
    {
        var ns = testCase.Namespace;
        var source = s_source.Value.Replace(AppsNamespace, $"namespace {ns};", StringComparison.Ordinal);
        return testCase.App switch
        {
            "PASS" => new AppCompileResult(source, ns + ".PassThroughApp", EquatableArray<DiagnosticInfo>.Empty),
            "WARN" => new AppCompileResult(source + "\ninternal sealed class Unused { private int _never; }\n", ns + ".PassThroughApp", EquatableArray<DiagnosticInfo>.Empty),
            "REJECT_AT_CREATE" => new AppCompileResult(source, ns + ".RejectingApp", EquatableArray<DiagnosticInfo>.Empty),
            "HANG" => new AppCompileResult(source, ns + ".HangingApp", EquatableArray<DiagnosticInfo>.Empty),
            "BROKEN" => new AppCompileResult($"namespace {ns};\npublic sealed class Broken {{ private int _x = \"text\"; }}", ns + ".Broken", EquatableArray<DiagnosticInfo>.Empty),
            "UNSUPPORTED" => Diagnosed(DiagnosticDescriptors.NotSupportedYet, "partition"),
            "INVALID" => Diagnosed(DiagnosticDescriptors.SyntaxError, "mismatched input 'form'"),
            "CRASH" => Diagnosed(DiagnosticDescriptors.GeneratorFailure, "NullReferenceException: boom"),
            "THROW" => throw new InvalidOperationException("the fake generator threw"),
            _ => throw new ArgumentException("Unknown fake app " + testCase.App),
        };
    }

    private static AppCompileResult Diagnosed(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string argument) =>
        new(null, null, ImmutableArray.Create(DiagnosticInfo.Create(descriptor, null, argument)));
}
