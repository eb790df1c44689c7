using System.Buffers.Binary;
using System.Text;

namespace SiddhiGen.Runtime.Connectors.Tcp;

/// <summary>
/// Siddhi's TCP wire format (siddhi-io-tcp <c>MessageDecoder</c>): byte <c>2</c> (protocol), int32 size of
/// the rest, then int32 length + session id, int32 length + channel id (the source's <c>context</c>),
/// int32 length + payload; all big-endian, strings UTF-8.
/// </summary>
public static class TcpFraming
{
    public const byte Protocol = 2;

    /// <summary>The default largest frame a tcp source accepts (16 MiB); larger ones are skipped and rejected.</summary>
    public const int MaxFrameSize = 16 * 1024 * 1024;

    public static byte[] Encode(string sessionId, string channelId, ReadOnlySpan<byte> payload)
    {
        var session = Encoding.UTF8.GetBytes(sessionId);
        var channel = Encoding.UTF8.GetBytes(channelId);
        var size = 4 + session.Length + 4 + channel.Length + 4 + payload.Length;
        var frame = new byte[5 + size];
        frame[0] = Protocol;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), size);
        var at = 5;
        at = Write(frame, at, session);
        at = Write(frame, at, channel);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(at), payload.Length);
        payload.CopyTo(frame.AsSpan(at + 4));
        return frame;
    }

    /// <summary>
    /// Reads one frame; null at the end of the stream. A frame larger than <paramref name="maxSize"/> is skipped
    /// (its bytes are read and dropped) and returned with a null payload, so the listener can reject it.
    /// </summary>
    public static async Task<TcpFrame?> ReadAsync(Stream stream, int maxSize, CancellationToken cancellationToken)
    {
        var header = new byte[5];
        if (!await ReadExactlyOrEndAsync(stream, header, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        if (header[0] != Protocol)
        {
            throw new InvalidDataException($"Unknown TCP protocol byte {header[0]} (expected {Protocol}).");
        }

        var size = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
        if (size < 12)
        {
            throw new InvalidDataException($"Invalid TCP frame size {size}.");
        }

        if (size > maxSize)
        {
            // Read the small session and channel ids, then skip the payload without buffering it.
            var session = await ReadPrefixedAsync(stream, cancellationToken).ConfigureAwait(false);
            var channel = await ReadPrefixedAsync(stream, cancellationToken).ConfigureAwait(false);
            var remaining = (long)size - 8 - Encoding.UTF8.GetByteCount(session) - Encoding.UTF8.GetByteCount(channel);
            var skip = new byte[64 * 1024];
            while (remaining > 0)
            {
                var n = await stream.ReadAsync(skip.AsMemory(0, (int)Math.Min(skip.Length, remaining)), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new EndOfStreamException("The connection closed inside a frame.");
                }

                remaining -= n;
            }

            return new TcpFrame(session, channel, null, size);
        }

        var body = new byte[size];
        if (!await ReadExactlyOrEndAsync(stream, body, cancellationToken).ConfigureAwait(false))
        {
            throw new EndOfStreamException("The connection closed inside a frame.");
        }

        var at = 0;
        var sessionId = ReadString(body, ref at);
        var channelId = ReadString(body, ref at);
        var length = ReadLength(body, ref at);
        return new TcpFrame(sessionId, channelId, body.AsSpan(at, length).ToArray(), size);
    }

    private static async Task<string> ReadPrefixedAsync(Stream stream, CancellationToken cancellationToken)
    {
        var lengthBytes = new byte[4];
        if (!await ReadExactlyOrEndAsync(stream, lengthBytes, cancellationToken).ConfigureAwait(false))
        {
            throw new EndOfStreamException("The connection closed inside a frame.");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
        if (length < 0 || length > 64 * 1024)
        {
            throw new InvalidDataException("Invalid id length in TCP frame.");
        }

        var value = new byte[length];
        if (length > 0 && !await ReadExactlyOrEndAsync(stream, value, cancellationToken).ConfigureAwait(false))
        {
            throw new EndOfStreamException("The connection closed inside a frame.");
        }

        return Encoding.UTF8.GetString(value);
    }

    private static int Write(byte[] frame, int at, byte[] value)
    {
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(at), value.Length);
        value.CopyTo(frame, at + 4);
        return at + 4 + value.Length;
    }

    private static string ReadString(byte[] body, ref int at)
    {
        var length = ReadLength(body, ref at);
        var value = Encoding.UTF8.GetString(body, at, length);
        at += length;
        return value;
    }

    private static int ReadLength(byte[] body, ref int at)
    {
        if (at + 4 > body.Length)
        {
            throw new InvalidDataException("Truncated TCP frame.");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(at));
        at += 4;
        if (length < 0 || at + length > body.Length)
        {
            throw new InvalidDataException("Invalid length in TCP frame.");
        }

        return length;
    }

    private static async Task<bool> ReadExactlyOrEndAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return read == 0 ? false : throw new EndOfStreamException("The connection closed inside a frame.");
            }

            read += n;
        }

        return true;
    }
}

/// <summary>One received frame; <see cref="Payload"/> is null when the frame was too large and skipped.</summary>
public sealed record TcpFrame(string Session, string Channel, byte[]? Payload, int Size);
