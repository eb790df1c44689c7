using System.Buffers.Binary;

namespace SiddhiGen.Runtime;

/// <summary>
/// An incremental revision: the revision it builds on, the snapshot's header, and per operator either its new state
/// or a mark that it is unchanged. Layout: <c>"SGINC"</c>, version (u16), previous revision, app name, app hash,
/// clock time, entry count, per entry name + changed flag (+ bytes), CRC-32.
/// </summary>
internal static class IncrementFile
{
    private const ushort Version = 1;

    private static ReadOnlySpan<byte> Magic => "SGINC"u8;

    public static byte[] Write(string previousRevision, SnapshotDocument previous, SnapshotDocument current)
    {
        var w = new StateWriter(1024);
        w.WriteRaw(Magic);
        Span<byte> version = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(version, Version);
        w.WriteRaw(version);
        w.WriteString(previousRevision);
        w.WriteString(current.AppName);
        w.WriteString(current.AppHash);
        w.WriteInt64(current.ClockTime);
        w.WriteCount(current.Entries.Count);
        for (var i = 0; i < current.Entries.Count; i++)
        {
            var (name, bytes) = current.Entries[i];
            w.WriteString(name);
            var changed = !bytes.AsSpan().SequenceEqual(previous.Entries[i].Value);
            w.WriteBoolean(changed);
            if (changed)
            {
                w.WriteBytes(bytes);
            }
        }

        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32.Compute(w.WrittenSpan));
        w.WriteRaw(crc);
        return w.ToArray();
    }

    /// <summary>The revision an increment builds on (checks the file first).</summary>
    public static string PreviousOf(byte[] file) => Read(file).Previous;

    public static (string Previous, Changes Changes) Read(byte[] file)
    {
        if (file.Length < Magic.Length + 6 || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new SnapshotException("The revision file is not a SiddhiGen increment, or it is truncated.");
        }

        var body = file.AsSpan(0, file.Length - 4);
        if (Crc32.Compute(body) != BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(file.Length - 4)))
        {
            throw new SnapshotException("The increment revision is corrupt or truncated: its checksum does not match.");
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(Magic.Length, 2)) != Version)
        {
            throw new SnapshotException("The increment revision has a format version this runtime does not read.");
        }

        var r = new StateReader(body[(Magic.Length + 2)..].ToArray());
        var previous = r.ReadString() ?? string.Empty;
        var appName = r.ReadString() ?? string.Empty;
        var appHash = r.ReadString() ?? string.Empty;
        var clockTime = r.ReadInt64();
        var count = r.ReadCount();
        var entries = new List<(string Name, byte[]? Bytes)>(count);
        for (var i = 0; i < count; i++)
        {
            var name = r.ReadString() ?? string.Empty;
            entries.Add((name, r.ReadBoolean() ? r.ReadBytes() : null));
        }

        r.EnsureEnd("the increment revision");
        return (previous, new Changes(appName, appHash, clockTime, entries));
    }

    /// <summary>The full snapshot: <paramref name="previous"/> with the changed entries replaced.</summary>
    public static SnapshotDocument Apply(SnapshotDocument previous, Changes changes)
    {
        if (previous.AppName != changes.AppName || previous.AppHash != changes.AppHash || previous.Entries.Count != changes.Entries.Count)
        {
            throw new SnapshotException("An increment revision does not fit the revision it builds on: the store is damaged.");
        }

        var entries = new List<KeyValuePair<string, byte[]>>(changes.Entries.Count);
        for (var i = 0; i < changes.Entries.Count; i++)
        {
            var (name, bytes) = changes.Entries[i];
            if (name != previous.Entries[i].Key)
            {
                throw new SnapshotException("An increment revision does not fit the revision it builds on: the store is damaged.");
            }

            entries.Add(new(name, bytes ?? previous.Entries[i].Value));
        }

        return new SnapshotDocument(changes.AppName, changes.AppHash, changes.ClockTime, entries);
    }

    public sealed record Changes(string AppName, string AppHash, long ClockTime, List<(string Name, byte[]? Bytes)> Entries);
}
