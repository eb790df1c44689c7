namespace SiddhiGen.Runtime;

/// <summary>The key accessor of a <c>session</c> window without a key attribute: every event shares one session.</summary>
public readonly struct SessionWindowNoKey<T> : IAttributeAccessor<T, string>
{
    /// <summary>Siddhi's default session key.</summary>
    public const string DefaultKey = "default-key";

    /// <inheritdoc />
    public static string Get(in T e) => DefaultKey;
}
