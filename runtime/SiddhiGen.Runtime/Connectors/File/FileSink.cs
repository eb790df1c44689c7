using System.Text;

namespace SiddhiGen.Runtime.Connectors.File;

/// <summary>
/// <c>@sink(type='file', file.uri='...', append='true', add.line.separator='true')</c>: writes each payload
/// to the file (<c>file.uri</c> may hold <c>{{attr}}</c> templates, one file per value); folders are
/// created; <c>append='false'</c> replaces the file's content with each payload; a line separator follows
/// each payload unless <c>add.line.separator='false'</c> (the default with the csv mapper, which ends its
/// lines itself). Writes are flushed, in order, on the processing thread.
/// </summary>
public sealed class FileSink : SinkConnector
{
    private readonly Dictionary<string, FileStream> _files = new(StringComparer.Ordinal);
    private bool _append;
    private bool _lineSeparator;

    public override bool PublishesSynchronously => true;

    public override Task ConnectAsync(SinkContext context, CancellationToken cancellationToken)
    {
        _ = context.Options.GetRequired("file.uri");
        _append = context.Options.GetBool("append", true);
        _lineSeparator = context.Options.GetBool("add.line.separator", !context.Map.Is("csv"));
        return Task.CompletedTask;
    }

    public override ValueTask PublishAsync(SinkMessage message, CancellationToken cancellationToken)
    {
        var path = FilePaths.FromUri(message.GetOption("file.uri")!, "file.uri");
        var bytes = message.Payload as byte[] ?? Encoding.UTF8.GetBytes(message.GetText() + (_lineSeparator ? "\n" : string.Empty));
        lock (_files)
        {
            if (!_append)
            {
                WriteReplacing(path, bytes);
                return ValueTask.CompletedTask;
            }

            if (!_files.TryGetValue(path, out var stream))
            {
                if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } parent)
                {
                    Directory.CreateDirectory(parent);
                }

                stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                _files[path] = stream;
            }

            stream.Write(bytes);
            stream.Flush();
        }

        return ValueTask.CompletedTask;
    }

    public override Task DisconnectAsync(CancellationToken cancellationToken)
    {
        lock (_files)
        {
            foreach (var stream in _files.Values)
            {
                stream.Dispose();
            }

            _files.Clear();
        }

        return Task.CompletedTask;
    }

    private static void WriteReplacing(string path, byte[] bytes)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } parent)
        {
            Directory.CreateDirectory(parent);
        }

        System.IO.File.WriteAllBytes(path, bytes);
    }
}
