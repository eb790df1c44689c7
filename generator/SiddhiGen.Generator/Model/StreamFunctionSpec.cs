namespace SiddhiGen.Generator.Model;

/// <summary>
/// A stream function that adds attributes to each event (<c>#pol2Cart(theta, rho)</c> adds x and y).
/// <see cref="Extended"/> is the event the rest of the query reads: the input's attributes, then the new ones.
/// </summary>
public sealed record StreamFunctionSpec(string Name, EquatableArray<ExpressionSpec> Arguments, StreamSpec Extended);
