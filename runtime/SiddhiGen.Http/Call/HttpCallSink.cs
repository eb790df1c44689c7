using System.Globalization;
using System.Text;
using SiddhiGen.Http.Client;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http.Call;

/// <summary>
/// <c>@sink(type='http-call', publisher.url='...', sink.id='x', @map(...))</c> (older name <c>http-request</c>):
/// calls the endpoint for each event (options as the <c>http</c> sink, <see cref="HttpPublisher"/>) and hands
/// the response to the <see cref="HttpCallResponseSource"/> of the same <c>sink.id</c> whose
/// <c>http.status.code</c> matches. With <c>downloading.enabled='true'</c> the response body is written to
/// <c>download.path</c> (templates allowed) and the source receives that file's path. A response no source
/// takes is logged with its body and counted; a call that fails (connection, timeout) follows <c>on.error</c>.
/// Calls are made one after another, so responses arrive in event order (Siddhi's <c>blocking.io='true'</c>).
/// </summary>
public sealed class HttpCallSink : SinkConnector
{
    private HttpPublisher? _publisher;
    private SinkContext _context = null!;
    private string _sinkId = null!;
    private bool _download;

    public override bool PublishesPerEvent => true;

    public override Task ConnectAsync(SinkContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _sinkId = context.Options.GetRequired("sink.id");
        _download = context.Options.GetBool("downloading.enabled", false);
        if (_download && !context.Options.Contains("download.path"))
        {
            throw new ConnectorConfigurationException($"Option 'download.path' of {context.Options.Owner} is required with downloading.enabled='true'.");
        }

        _ = context.Options.GetBool("blocking.io", false);
        _publisher ??= new HttpPublisher(context);
        return Task.CompletedTask;
    }

    public override async ValueTask PublishAsync(SinkMessage message, CancellationToken cancellationToken)
    {
        using var response = await _publisher!.SendAsync(message, retryUnsuccessful: false, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var source = HttpCallResponseSource.Find(_context.App, _sinkId, status);
        if (source is null)
        {
            _context.ReportError(
                $"No http-call-response source with sink.id '{_sinkId}' takes status code {status} from {message.GetOption("publisher.url")}; the response was: {Preview(body)}",
                message.EventCount);
            return;
        }

        var transport = Transport(message, response);
        if (_download)
        {
            var path = message.GetOption("download.path")!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await System.IO.File.WriteAllBytesAsync(path, body, cancellationToken).ConfigureAwait(false);
            source.Deliver(new SourceMessage(Path.GetFullPath(path), transport));
        }
        else
        {
            source.Deliver(new SourceMessage(new ReadOnlyMemory<byte>(body), transport));
        }
    }

    public override Task DisconnectAsync(CancellationToken cancellationToken)
    {
        _publisher?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The request event's attributes, the response headers (each, and all as <c>headers</c>) and <c>http.status.code</c>.</summary>
    private Dictionary<string, string?> Transport(SinkMessage message, HttpResponseMessage response)
    {
        var transport = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var all = new StringBuilder();
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            var value = string.Join(", ", header.Value);
            transport[header.Key] = value;
            all.Append(all.Length == 0 ? string.Empty : ", ").Append(header.Key).Append(": ").Append(value);
        }

        transport["headers"] = all.ToString();
        transport["http.status.code"] = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var attributes = _context.Schema.Attributes;
        for (var i = 0; i < attributes.Length && message.Row is { } row && i < row.Count; i++)
        {
            transport[attributes[i].Name] = row[i] is null ? null : SiddhiValues.Format(row[i]);
        }

        return transport;
    }

    private static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 2048));
        return text.Length == 0 ? "<empty>" : text;
    }
}
