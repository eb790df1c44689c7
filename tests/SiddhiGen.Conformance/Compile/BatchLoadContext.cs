using System.Reflection;
using System.Runtime.Loader;

namespace SiddhiGen.Conformance.Compile;

/// <summary>
/// A collectible context for one batch's assembly. It resolves nothing itself, so the runtime and the
/// framework come from the default context and the generated apps share the runner's
/// <c>SiddhiGen.Runtime</c> types.
/// </summary>
public sealed class BatchLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
