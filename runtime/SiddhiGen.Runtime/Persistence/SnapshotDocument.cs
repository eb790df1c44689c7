using System.Buffers.Binary;

namespace SiddhiGen.Runtime;

/// <summary>
/// A snapshot as bytes: a header naming the app and its version, then the state of each registered operator under its
/// name, then a CRC-32 of everything before it.
/// </summary>
/// <remarks>
/// Layout (little-endian): <c>"SGSNAP"</c>, format version (u16), app name, hash of the app text, clock time (i64),
/// entry count, then per entry its name and its bytes (length-prefixed), then the CRC-32 (u32).
/// Compatibility rule: a snapshot restores only into the app whose name and text hash it carries, written in a format
/// version this runtime reads (today only <see cref="FormatVersion"/>); any change to the app text is a new version.
/// </remarks>
public sealed class SnapshotDocument
{
    /// <summary>The format version this runtime writes and reads.</summary>
    public const ushort FormatVersion = 1;

    private static ReadOnlySpan<byte> Magic => "SGSNAP"u8;

    public SnapshotDocument(string appName, string appHash, long clockTime, IReadOnlyList<KeyValuePair<string, byte[]>> entries)
    {
        AppName = appName;
        AppHash = appHash;
        ClockTime = clockTime;
        Entries = entries;
    }

    public string AppName { get; }

    /// <summary>The hash of the app's text, as the generator computed it.</summary>
    public string AppHash { get; }

    /// <summary>The app clock's time when the snapshot was taken.</summary>
    public long ClockTime { get; }

    /// <summary>Each operator's state, by its name, in registration order.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Entries { get; }

    public byte[] ToBytes()
    {
        var w = new StateWriter(64 + Entries.Sum(e => e.Value.Length + e.Key.Length + 8));
        w.WriteRaw(Magic);
        Span<byte> version = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(version, FormatVersion);
        w.WriteRaw(version);
        w.WriteString(AppName);
        w.WriteString(AppHash);
        w.WriteInt64(ClockTime);
        w.WriteCount(Entries.Count);
        foreach (var (name, bytes) in Entries)
        {
            w.WriteString(name);
            w.WriteBytes(bytes);
        }

        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32.Compute(w.WrittenSpan));
        w.WriteRaw(crc);
        return w.ToArray();
    }

    /// <summary>Reads and checks a snapshot's bytes: magic, format version, checksum, structure. Throws <see cref="SnapshotException"/>.</summary>
    public static SnapshotDocument Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Magic.Length + 2 + 4 || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw new SnapshotException("The data is not a SiddhiGen snapshot (no 'SGSNAP' header), or it is truncated.");
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(Magic.Length, 2));
        if (version != FormatVersion)
        {
            throw new SnapshotException($"The snapshot has format version {version}; this runtime reads version {FormatVersion}.");
        }

        var body = bytes[..^4];
        var expected = BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]);
        if (Crc32.Compute(body) != expected)
        {
            throw new SnapshotException("The snapshot is corrupt or truncated: its checksum does not match.");
        }

        var r = new StateReader(body[(Magic.Length + 2)..].ToArray());
        var appName = r.ReadString() ?? throw new SnapshotException("The snapshot is corrupt: it names no app.");
        var appHash = r.ReadString() ?? string.Empty;
        var clockTime = r.ReadInt64();
        var count = r.ReadCount();
        var entries = new List<KeyValuePair<string, byte[]>>(count);
        for (var i = 0; i < count; i++)
        {
            var name = r.ReadString() ?? throw new SnapshotException("The snapshot is corrupt: an entry has no name.");
            entries.Add(new(name, r.ReadBytes()));
        }

        r.EnsureEnd("the snapshot");
        return new SnapshotDocument(appName, appHash, clockTime, entries);
    }
}

/// <summary>CRC-32 (IEEE 802.3), to tell a damaged snapshot from a good one.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var i = 0u; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
