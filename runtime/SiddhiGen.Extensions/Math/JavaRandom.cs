namespace SiddhiGen.Extensions;

/// <summary><c>java.util.Random</c>'s 48-bit linear congruential generator, so a seeded sequence is Java's.</summary>
internal sealed class JavaRandom(long seed)
{
    private const long Multiplier = 0x5DEECE66DL;
    private const long Mask = (1L << 48) - 1;

    private long _seed = (seed ^ Multiplier) & Mask;

    /// <summary><c>nextDouble()</c>: 53 random bits over 2^53.</summary>
    public double NextDouble() => ((((long)Next(26)) << 27) + Next(27)) * (1.0 / (1L << 53));

    private int Next(int bits)
    {
        _seed = unchecked((_seed * Multiplier) + 0xBL) & Mask;
        return (int)((ulong)_seed >> (48 - bits));
    }
}
