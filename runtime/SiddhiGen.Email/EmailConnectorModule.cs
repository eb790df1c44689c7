using SiddhiGen.Email;
using SiddhiGen.Runtime.Connectors;

[assembly: ConnectorModule(typeof(EmailConnectorModule))]

namespace SiddhiGen.Email;

/// <summary>Registers the <c>email</c> sink (MailKit SMTP). Loaded by name on first use of type 'email'.</summary>
public sealed class EmailConnectorModule : IConnectorModule
{
    public void Register(ConnectorRegistry registry) => registry.AddSink("email", static () => new EmailSink());
}
