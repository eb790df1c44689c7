using System.Runtime.CompilerServices;

namespace SiddhiGen.Benchmarks.Harness;

/// <summary>
/// The one consumer every contender feeds: it folds each output row into an order-sensitive checksum with a
/// couple of integer operations, so consuming costs every contender the same and little.
/// </summary>
/// <remarks>
/// For <c>siddhigen-batch</c> the expected checksum is the per-event output sampled the way Siddhi's chunk
/// semantics define it (one row per group per chunk: the group's last row, groups in order of first appearance).
/// The harness computes it by replaying the hand-written query with a <see cref="ChunkSampler"/> attached.
/// </remarks>
internal sealed class ChecksumSink
{
    private const long Multiplier = unchecked((long)0x9E3779B97F4A7C15);
    private const long NullBits = 0x7FF0_DEAD_0000_0001;

    private long _hash;
    private long _count;
    private ChunkSampler? _sampler;

    /// <summary>Rows consumed.</summary>
    public long Count => _count;

    /// <summary>The order-sensitive checksum of every row consumed.</summary>
    public long Checksum => _hash ^ _count;

    /// <summary>Turns this sink into the reference for chunked sends: rows are sampled per chunk of <paramref name="chunkSize"/> outputs.</summary>
    public void SampleChunks(int chunkSize) => _sampler = new ChunkSampler(this, chunkSize);

    /// <summary>A row (symbol, double).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(string? symbol, double? value)
    {
        var bits = (SymbolBits(symbol) * 31) ^ (value.HasValue ? BitConverter.DoubleToInt64Bits(value.GetValueOrDefault()) : NullBits);
        if (_sampler is null)
        {
            Fold(bits);
        }
        else
        {
            _sampler.Add(symbol, bits);
        }
    }

    /// <summary>A row (long).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long? value)
    {
        var bits = value.HasValue ? value.GetValueOrDefault() : NullBits;
        if (_sampler is null)
        {
            Fold(bits);
        }
        else
        {
            _sampler.Add(null, bits);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Fold(long bits)
    {
        _hash += (bits ^ _count) * Multiplier;
        _count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long SymbolBits(string? symbol) =>
        symbol is null || symbol.Length < 2 ? 0x5A5A : (uint)symbol.Length | ((uint)symbol[0] << 8) | ((long)symbol[1] << 16) | ((long)symbol[^1] << 32);

    /// <summary>Keeps the last row of each group over a chunk of outputs, then folds them in first-appearance order.</summary>
    private sealed class ChunkSampler(ChecksumSink sink, int chunkSize)
    {
        private readonly List<(string? Group, long Bits)> _lastRows = [];
        private int _seen;

        public void Add(string? group, long bits)
        {
            var index = _lastRows.FindIndex(r => r.Group == group);
            if (index < 0)
            {
                _lastRows.Add((group, bits));
            }
            else
            {
                _lastRows[index] = (group, bits);
            }

            if (++_seen == chunkSize)
            {
                foreach (var row in _lastRows)
                {
                    sink.Fold(row.Bits);
                }

                _lastRows.Clear();
                _seen = 0;
            }
        }
    }
}
