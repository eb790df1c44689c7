using MimeKit;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

using SiddhiGen.Integration.Tests.Apps.EmailApp;

namespace SiddhiGen.Integration.Tests.Email;

/// <summary>The email sink on MailKit against a small real SMTP server on 127.0.0.1 that the test starts.</summary>
[Category("email")]
public sealed class EmailSinkTests
{
    private TestSmtpServer _smtp = null!;
    private RecordingLoggerFactory _logs = null!;
    private EmailApp _app = null!;

    [SetUp]
    public async Task SetUp()
    {
        _smtp = new TestSmtpServer();
        _logs = new RecordingLoggerFactory();
        _app = new EmailApp(new SiddhiAppOptions
        {
            LoggerFactory = _logs,
            Variables = new Dictionary<string, string> { ["SMTP_PORT"] = _smtp.Port.ToString(), ["SMTP_PASSWORD"] = "mail-secret" },
        });
        await _app.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.StopAsync();
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    private ConnectorRuntime Sink(string stream) => _app.GetConnectors().Sinks.Single(s => s.Stream == stream);

    private static MimeMessage Parse(TestSmtpServer.Mail mail) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data)));

    [Test]
    public async Task EachEventIsMailedWithTemplatedSubjectAndRecipientsAfterLoggingIn()
    {
        _app.Alerts.Send(new AlertsEvent("kitchen", 41.5, "alice@example.com"));
        _app.Reports.Send(new ReportsEvent("hall", 20, "bob@example.com"));

        await Wait.ForCountAsync(_smtp.Messages, 2, "the two mails");
        var alert = _smtp.Messages.Single(m => m.From == "siddhi@example.com");
        var report = _smtp.Messages.Single(m => m.From == "reports@example.com");
        Assert.That(alert.To, Is.EquivalentTo(new[] { "alice@example.com", "ops@example.com" }));
        var alertMail = Parse(alert);
        Assert.That((alertMail.Subject, alertMail.TextBody?.Trim()), Is.EqualTo(("Alert for kitchen", (string?)"room:\"kitchen\",temp:41.5,owner:\"alice@example.com\"")));
        Assert.That(alertMail.Cc.Mailboxes.Single().Address, Is.EqualTo("ops@example.com"));
        var reportMail = Parse(report);
        Assert.That((reportMail.Subject, reportMail.HtmlBody?.Trim(), report.To.Single()), Is.EqualTo(("Report", (string?)"<h1>hall</h1><p>20</p>", "bob@example.com")));
        Assert.That(_smtp.Logins, Is.EqualTo(new[] { "siddhi:mail-secret" }), "auth='false' does not log in");
    }

    [Test]
    public async Task ABadAddressOrARefusedRecipientFollowsOnErrorAndTheNextMailGoesOut()
    {
        _smtp.RefusedRecipients.Add("nobody@example.com");

        _app.Reports.Send(new ReportsEvent("a", 1, "not an address@@"));
        _app.Reports.Send(new ReportsEvent("b", 2, "nobody@example.com"));
        _app.Reports.Send(new ReportsEvent("c", 3, "carol@example.com"));

        await Wait.ForCountAsync(_smtp.Messages, 1, "the good mail");
        await Wait.UntilAsync(() => Sink("Reports").Errors == 2, "the two failed mails to be counted");
        Assert.That(_smtp.Messages.Single().To, Is.EqualTo(new[] { "carol@example.com" }));
        Assert.That(_logs.Errors, Has.Some.Contains("nobody@example.com").Or.Some.Contains("No such user"));
    }

    [Test]
    public async Task AnSmtpServerThatGoesAwayIsRetriedWithWaitAndNothingIsLost()
    {
        var port = _smtp.Port;
        _app.Alerts.Send(new AlertsEvent("first", 1, "alice@example.com"));
        await Wait.ForCountAsync(_smtp.Messages, 1, "the first mail");
        await _smtp.DisposeAsync();

        _app.Alerts.Send(new AlertsEvent("second", 2, "alice@example.com"));
        await Wait.UntilAsync(() => Sink("Alerts").State == ConnectorState.Retrying, "the sink to retry (on.error='WAIT')");
        _smtp = new TestSmtpServer(port);

        await Wait.ForCountAsync(_smtp.Messages, 1, "the mail sent while the server was away");
        Assert.That(Parse(_smtp.Messages.Single()).Subject, Is.EqualTo("Alert for second"));
    }
}
