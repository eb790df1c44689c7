namespace SiddhiGen.Conformance.Compile;

/// <summary>One generated app to compile: <paramref name="Key"/> identifies it to the caller.</summary>
public sealed record CompileUnit(int Key, string Path, string Source);

/// <summary>
/// The result of compiling a batch: the assembly holding every app that compiled (null when none did),
/// per app that broke the batch its first C# error, and per app that compiled with warnings the first one.
/// </summary>
public sealed record BatchCompilation(byte[]? Image, IReadOnlyDictionary<int, string> Failures, IReadOnlyDictionary<int, string> Warnings);
