using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SiddhiGen.Integration.Tests;

/// <summary>
/// A small real SMTP server on 127.0.0.1 (RFC 5321 commands EHLO/HELO, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA, RSET,
/// NOOP, QUIT) that keeps each accepted message with its envelope; the peer the email sink talks to in tests.
/// Recipients in <see cref="RefusedRecipients"/> get 550.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accept;

    public TestSmtpServer(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accept = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public ConcurrentQueue<Mail> Messages { get; } = new();

    public ConcurrentQueue<string> Logins { get; } = new();

    public HashSet<string> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        string? from = null;
        var to = new List<string>();
        try
        {
            await writer.WriteLineAsync("220 127.0.0.1 ESMTP test");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                var argument = line.Length > verb.Length ? line[(verb.Length + 1)..] : string.Empty;
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-127.0.0.1\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n");
                        break;
                    case "HELO" or "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "AUTH" when argument.StartsWith("PLAIN", StringComparison.OrdinalIgnoreCase):
                        var plain = argument.Length > 6 ? argument[6..] : await Prompt(writer, reader, "334 ");
                        var parts = Encoding.UTF8.GetString(Convert.FromBase64String(plain!)).Split('\0');
                        Logins.Enqueue(parts[1] + ":" + parts[2]);
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "AUTH" when argument.StartsWith("LOGIN", StringComparison.OrdinalIgnoreCase):
                        var user = Encoding.UTF8.GetString(Convert.FromBase64String((await Prompt(writer, reader, "334 VXNlcm5hbWU6"))!));
                        var password = Encoding.UTF8.GetString(Convert.FromBase64String((await Prompt(writer, reader, "334 UGFzc3dvcmQ6"))!));
                        Logins.Enqueue(user + ":" + password);
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "MAIL":
                        from = Address(argument);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        var recipient = Address(argument);
                        if (RefusedRecipients.Contains(recipient))
                        {
                            await writer.WriteLineAsync("550 5.1.1 No such user");
                        }
                        else
                        {
                            to.Add(recipient);
                            await writer.WriteLineAsync("250 OK");
                        }

                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        Messages.Enqueue(new Mail(from ?? string.Empty, [.. to], data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or FormatException)
        {
        }
    }

    private static async Task<string?> Prompt(StreamWriter writer, StreamReader reader, string prompt)
    {
        await writer.WriteLineAsync(prompt);
        return await reader.ReadLineAsync();
    }

    private static string Address(string argument)
    {
        var start = argument.IndexOf('<');
        var end = argument.IndexOf('>');
        return start >= 0 && end > start ? argument[(start + 1)..end] : argument;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accept.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>One accepted message: envelope sender, recipients and the raw RFC 5322 text.</summary>
    public sealed record Mail(string From, string[] To, string Data);
}
