namespace SiddhiGen.Generator.Model;

/// <summary><c>define function f[lang] return type { body }</c>: a script function and its declared result type.</summary>
public sealed record ScriptFunctionSpec(string Name, string Language, AttributeType ReturnType, string Body);

/// <summary>A call of a script function defined in the app: its arguments are passed as <c>data[]</c>.</summary>
public sealed record ScriptCallSpec(AttributeType Type, string Function, EquatableArray<ExpressionSpec> Arguments) : ExpressionSpec(Type);
