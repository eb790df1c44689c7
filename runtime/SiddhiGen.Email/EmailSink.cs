using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Email;

/// <summary>
/// <c>@sink(type='email', address='siddhi@example.com', username='siddhi', password='...', host='smtp.example.com', port='465',
/// subject='Alert {{room}}', to='{{owner}}', @map(type='text'))</c> on MailKit's SMTP client, with Siddhi's defaults:
/// <c>host</c> smtp.gmail.com, <c>port</c> 465, <c>ssl.enable</c> true (TLS from the first byte; false: plain, upgraded
/// with STARTTLS when the server offers it), <c>auth</c> true (log in with <c>username</c>/<c>password</c>),
/// <c>content.type</c> text/plain (text/html, text/xml, ...). <c>subject</c>, <c>to</c>, <c>cc</c>, <c>bcc</c>
/// (comma-separated addresses) and <c>attachments</c> (comma-separated file paths) take templates. The body is the
/// mapped payload. A send that fails (connection, refused recipient, bad address) follows <c>on.error</c>; the
/// connection is opened again for the next mail.
/// </summary>
public sealed class EmailSink : SinkConnector
{
    private readonly SmtpClient _client = new();
    private SinkContext _context = null!;
    private string _host = "smtp.gmail.com";
    private int _port = 465;
    private bool _ssl = true;
    private bool _auth = true;
    private string _contentType = "text/plain";
    private MailboxAddress _from = null!;

    public override async Task ConnectAsync(SinkContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var options = context.Options;
        _host = options.Get("host", "smtp.gmail.com");
        _port = options.GetInt("port", 465);
        _ssl = options.GetBool("ssl.enable", true);
        _auth = options.GetBool("auth", true);
        _contentType = options.Get("content.type", "text/plain").Trim().ToLowerInvariant();
        if (!_contentType.StartsWith("text/", StringComparison.Ordinal))
        {
            throw new ConnectorConfigurationException($"Option 'content.type' of {options.Owner} must be a text type (text/plain, text/html, text/xml), not '{_contentType}'.");
        }

        _from = MailboxAddress.Parse(options.GetRequired("address"));
        _ = options.GetRequired("to");
        _ = options.GetRequired("subject");
        if (_auth && options.Get("username") is null)
        {
            throw new ConnectorConfigurationException($"The {context.Description} has auth='true' but no 'username'.");
        }

        await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask PublishAsync(SinkMessage message, CancellationToken cancellationToken)
    {
        MimeMessage mail;
        try
        {
            mail = Compose(message);
        }
        catch (ParseException ex)
        {
            throw new PublishException($"The mail cannot be addressed: {ex.Message}", ex);
        }

        try
        {
            await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
            await _client.SendAsync(mail, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _context.SetConnected(false);
            await DisconnectQuietlyAsync().ConfigureAwait(false);
            throw new PublishException($"Sending the mail '{mail.Subject}' through {_host}:{_port} failed: {ex.Message}", ex);
        }
    }

    public override async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }

        _client.Dispose();
    }

    private MimeMessage Compose(SinkMessage message)
    {
        var mail = new MimeMessage { Subject = message.GetOption("subject") ?? string.Empty };
        mail.From.Add(_from);
        mail.To.AddRange(InternetAddressList.Parse(message.GetOption("to") ?? string.Empty));
        if (message.GetOption("cc") is { Length: > 0 } cc)
        {
            mail.Cc.AddRange(InternetAddressList.Parse(cc));
        }

        if (message.GetOption("bcc") is { Length: > 0 } bcc)
        {
            mail.Bcc.AddRange(InternetAddressList.Parse(bcc));
        }

        var body = new BodyBuilder();
        if (_contentType == "text/html")
        {
            body.HtmlBody = message.GetText();
        }
        else
        {
            body.TextBody = message.GetText();
        }

        foreach (var path in (message.GetOption("attachments") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            body.Attachments.Add(path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? new Uri(path).LocalPath : path);
        }

        mail.Body = body.ToMessageBody();
        if (_contentType is not ("text/plain" or "text/html") && mail.Body is TextPart text)
        {
            text.ContentType.MediaSubtype = _contentType["text/".Length..];
        }

        return mail;
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return;
        }

        await _client.ConnectAsync(_host, _port, _ssl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken).ConfigureAwait(false);
        if (_auth)
        {
            await _client.AuthenticateAsync(_context.Options.Get("username") ?? string.Empty, _context.Options.Get("password") ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        _context.SetConnected(true);
    }

    private async Task DisconnectQuietlyAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(false).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or InvalidOperationException)
        {
            // the connection is gone already
        }
    }
}
