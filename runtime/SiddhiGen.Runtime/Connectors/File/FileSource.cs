using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace SiddhiGen.Runtime.Connectors.File;

/// <summary>
/// <c>@source(type='file', ...)</c>: reads a file (<c>file.uri</c>) or every file of a directory
/// (<c>dir.uri</c>, optionally filtered by <c>file.name.pattern</c>, polled every <c>dir.polling.interval</c>).
/// <c>mode</c>: <c>line</c> (default; one message per line), <c>text.full</c> (the whole file),
/// <c>regex</c> (text between <c>begin.regex</c> and <c>end.regex</c>), <c>binary.full</c>.
/// <c>tailing</c> (default true, line and regex modes, file.uri) keeps reading what is appended, polling
/// every <c>file.polling.interval</c> ms (1000). After a file is read without tailing,
/// <c>action.after.process</c> deletes it (<c>delete</c>, the default), moves it (<c>move</c> +
/// <c>move.after.process</c>) or leaves it (<c>none</c>, as Siddhi reads any other value, or <c>keep</c>); a file that cannot be read
/// gets <c>action.after.failure</c>. <c>header.present</c> skips <c>header.line.count</c> lines (1);
/// <c>skip.trailer</c> drops the last line. Transport properties: <c>trp:file.path</c>, <c>trp:eof</c>.
/// </summary>
public sealed class FileSource : SourceConnector
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SourceContext _context = null!;
    private Task _loop = Task.CompletedTask;
    private string? _file;
    private string? _dir;
    private string _mode = "line";
    private bool _tailing;
    private string _afterProcess = "delete";
    private string? _moveAfterProcess;
    private string _afterFailure = "delete";
    private string? _moveAfterFailure;
    private int _headerLines;
    private bool _skipTrailer;
    private bool _readOnlyHeader;
    private bool _readOnlyTrailer;
    private TimeSpan _filePolling;
    private TimeSpan _dirPolling;
    private Regex? _fileNamePattern;
    private Regex? _begin;
    private Regex? _end;

    public override bool IsFinite => _file is not null && !_tailing;

    public override Task Completion => _completion.Task;

    public override Task StartAsync(SourceContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var o = context.Options;
        var fileUri = o.Get("file.uri");
        var dirUri = o.Get("dir.uri");
        if ((fileUri is null) == (dirUri is null))
        {
            throw new ConnectorConfigurationException($"The {context.Description} needs exactly one of 'file.uri' and 'dir.uri'.");
        }

        _file = fileUri is null ? null : FilePaths.FromUri(fileUri, "file.uri");
        _dir = dirUri is null ? null : FilePaths.FromUri(dirUri, "dir.uri");
        _mode = o.GetChoice("mode", "line", "line", "text.full", "regex", "binary.full");
        _tailing = _file is not null && o.GetBool("tailing", true) && _mode is "line" or "regex";
        _afterProcess = AfterAction(o.GetChoice("action.after.process", "delete", "delete", "move", "keep", "none"));
        _moveAfterProcess = o.Get("move.after.process") is { } m ? FilePaths.FromUri(m, "move.after.process") : null;
        _afterFailure = AfterAction(o.GetChoice("action.after.failure", "delete", "delete", "move", "keep", "none"));
        _moveAfterFailure = o.Get("move.after.failure") is { } f ? FilePaths.FromUri(f, "move.after.failure") : null;
        if (_afterProcess == "move" && _moveAfterProcess is null)
        {
            throw new ConnectorConfigurationException($"The {context.Description} has action.after.process='move' but no 'move.after.process'.");
        }

        if (_afterFailure == "move" && _moveAfterFailure is null)
        {
            throw new ConnectorConfigurationException($"The {context.Description} has action.after.failure='move' but no 'move.after.failure'.");
        }

        _headerLines = o.GetBool("header.present", false) ? o.GetInt("header.line.count", 1) : 0;
        _skipTrailer = o.GetBool("skip.trailer", false);
        _readOnlyHeader = o.GetBool("read.only.header", false);
        _readOnlyTrailer = o.GetBool("read.only.trailer", false);
        _filePolling = TimeSpan.FromMilliseconds(o.GetLong("file.polling.interval", 1000));
        _dirPolling = TimeSpan.FromMilliseconds(o.GetLong("dir.polling.interval", 1000));
        _fileNamePattern = o.Get("file.name.pattern") is { } p ? new Regex(p, RegexOptions.CultureInvariant) : null;
        if (_mode == "regex")
        {
            _begin = o.Get("begin.regex") is { } b ? new Regex(b, RegexOptions.CultureInvariant) : null;
            _end = o.Get("end.regex") is { } e ? new Regex(e, RegexOptions.CultureInvariant) : null;
            if (_begin is null && _end is null)
            {
                throw new ConnectorConfigurationException($"The {context.Description} has mode='regex' but neither 'begin.regex' nor 'end.regex'.");
            }
        }

        // Read on a background task: the app is still starting (and holds its lock) while this runs.
        _loop = Task.Run(RunAsync, CancellationToken.None);
        context.SetConnected(true);
        return Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _completion.TrySetResult();
    }

    private async Task RunAsync()
    {
        try
        {
            if (_file is not null)
            {
                if (_tailing)
                {
                    await TailAsync(_file).ConfigureAwait(false);
                }
                else
                {
                    await WaitForFileAsync(_file).ConfigureAwait(false);
                    ProcessWhole(_file);
                }
            }
            else
            {
                await WatchDirectoryAsync(_dir!).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _context.ReportError("reading files failed: " + ex.Message, ex);
        }
        finally
        {
            _completion.TrySetResult();
        }
    }

    private async Task WaitForFileAsync(string path)
    {
        while (!System.IO.File.Exists(path))
        {
            await Task.Delay(_filePolling, _stop.Token).ConfigureAwait(false);
        }
    }

    private async Task WatchDirectoryAsync(string dir)
    {
        var seen = new HashSet<(string, long, DateTime)>();
        while (!_stop.IsCancellationRequested)
        {
            if (Directory.Exists(dir))
            {
                foreach (var path in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
                {
                    _stop.Token.ThrowIfCancellationRequested();
                    if (_fileNamePattern is not null && !_fileNamePattern.IsMatch(Path.GetFileName(path)))
                    {
                        continue;
                    }

                    var info = new FileInfo(path);
                    if (info.Exists && seen.Add((path, info.Length, info.LastWriteTimeUtc)))
                    {
                        ProcessWhole(path);
                    }
                }
            }

            await Task.Delay(_dirPolling, _stop.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a whole file, delivers its messages, then applies the after-process action.</summary>
    private void ProcessWhole(string path)
    {
        bool ok;
        try
        {
            if (_mode == "binary.full")
            {
                ok = Deliver(new SourceMessage(System.IO.File.ReadAllBytes(path), Transport(path, true))) != DeliveryResult.Invalid;
            }
            else
            {
                var text = System.IO.File.ReadAllText(path, Encoding.UTF8);
                ok = _mode switch
                {
                    "text.full" => Deliver(new SourceMessage(text, Transport(path, true))) != DeliveryResult.Invalid,
                    "regex" => DeliverRegex(path, text, final: true) >= 0,
                    _ => DeliverLines(path, SplitLines(text, out _, final: true), isFirstChunk: true, final: true),
                };
            }
        }
        catch (IOException ex)
        {
            _context.ReportError($"could not read '{path}': {ex.Message}", ex);
            ok = false;
        }
        catch (UnauthorizedAccessException ex)
        {
            _context.ReportError($"could not read '{path}': {ex.Message}", ex);
            ok = false;
        }

        if (_stop.IsCancellationRequested)
        {
            return;
        }

        AfterProcess(path, ok ? _afterProcess : _afterFailure, ok ? _moveAfterProcess : _moveAfterFailure);
    }

    private async Task TailAsync(string path)
    {
        await WaitForFileAsync(path).ConfigureAwait(false);
        long position = 0;
        var pending = string.Empty;
        var first = true;
        var decoder = Encoding.UTF8.GetDecoder();
        var buffer = new byte[64 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        while (!_stop.IsCancellationRequested)
        {
            var length = new FileInfo(path).Exists ? new FileInfo(path).Length : 0;
            if (length < position)
            {
                // Truncated or replaced: start over.
                position = 0;
                pending = string.Empty;
            }

            if (length > position)
            {
                var sb = new StringBuilder(pending);
                await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    stream.Position = position;
                    int read;
                    while ((read = await stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false)) > 0)
                    {
                        var count = decoder.GetChars(buffer, 0, read, chars, 0);
                        sb.Append(chars, 0, count);
                        position += read;
                    }
                }

                var text = sb.ToString();
                if (_mode == "regex")
                {
                    var consumed = DeliverRegex(path, text, final: false);
                    pending = text[Math.Max(consumed, 0)..];
                }
                else
                {
                    var lines = SplitLines(text, out var rest, final: false);
                    pending = rest;
                    DeliverLines(path, lines, first, final: false);
                    first = false;
                }
            }

            await Task.Delay(_filePolling, _stop.Token).ConfigureAwait(false);
        }
    }

    private static List<string> SplitLines(string text, out string rest, bool final)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..i].TrimEnd('\r'));
                start = i + 1;
            }
        }

        rest = text[start..];
        if (final && rest.Length > 0)
        {
            lines.Add(rest.TrimEnd('\r'));
            rest = string.Empty;
        }

        return lines;
    }

    /// <summary>Delivers lines; false when every line failed to map (the file counts as failed).</summary>
    private bool DeliverLines(string path, List<string> lines, bool isFirstChunk, bool final)
    {
        var start = isFirstChunk ? Math.Min(_headerLines, lines.Count) : 0;
        var end = lines.Count;
        if (final && _skipTrailer && end > start)
        {
            end--;
        }

        if (_readOnlyHeader)
        {
            end = isFirstChunk && _headerLines > 0 ? Math.Min(_headerLines, lines.Count) : 0;
            start = 0;
        }
        else if (_readOnlyTrailer)
        {
            start = final && lines.Count > 0 ? lines.Count - 1 : lines.Count;
            end = lines.Count;
        }

        var delivered = 0;
        var invalid = 0;
        for (var i = start; i < end; i++)
        {
            _stop.Token.ThrowIfCancellationRequested();
            if (lines[i].Length == 0)
            {
                continue;
            }

            delivered++;
            if (Deliver(new SourceMessage(lines[i], Transport(path, final && i == end - 1))) == DeliveryResult.Invalid)
            {
                invalid++;
            }
        }

        return delivered == 0 || invalid < delivered;
    }

    /// <summary>Delivers each begin..end block; returns how much of <paramref name="text"/> was consumed.</summary>
    private int DeliverRegex(string path, string text, bool final)
    {
        var position = 0;
        while (position < text.Length)
        {
            _stop.Token.ThrowIfCancellationRequested();
            int start, end;
            if (_begin is not null)
            {
                var b = _begin.Match(text, position);
                if (!b.Success)
                {
                    return final ? text.Length : position;
                }

                start = b.Index;
                if (_end is not null)
                {
                    var e = _end.Match(text, b.Index + b.Length);
                    if (!e.Success)
                    {
                        return position;
                    }

                    end = e.Index + e.Length;
                }
                else
                {
                    var next = _begin.Match(text, b.Index + Math.Max(b.Length, 1));
                    if (!next.Success && !final)
                    {
                        return position;
                    }

                    end = next.Success ? next.Index : text.Length;
                }
            }
            else
            {
                var e = _end!.Match(text, position);
                if (!e.Success)
                {
                    return final ? text.Length : position;
                }

                start = position;
                end = e.Index + e.Length;
            }

            var block = text[start..end].Trim('\r', '\n');
            if (block.Length > 0)
            {
                Deliver(new SourceMessage(block, Transport(path, final && end >= text.Length)));
            }

            position = end;
        }

        return position;
    }

    private DeliveryResult Deliver(in SourceMessage message) => _context.Deliver(message);

    /// <summary>Siddhi leaves the file for any action but delete and move; <c>none</c> is the name it uses.</summary>
    private static string AfterAction(string action) => action == "none" ? "keep" : action;

    private static Dictionary<string, string?> Transport(string path, bool eof) => new(StringComparer.Ordinal)
    {
        ["file.path"] = path,
        ["eof"] = eof ? "true" : "false",
    };

    private void AfterProcess(string path, string action, string? moveTo)
    {
        try
        {
            switch (action)
            {
                case "delete":
                    System.IO.File.Delete(path);
                    break;
                case "move":
                    var target = moveTo!;
                    if (Directory.Exists(target) || target.EndsWith('/') || target.EndsWith(Path.DirectorySeparatorChar))
                    {
                        Directory.CreateDirectory(target);
                        target = Path.Combine(target, Path.GetFileName(path));
                    }
                    else if (Path.GetDirectoryName(target) is { Length: > 0 } parent)
                    {
                        Directory.CreateDirectory(parent);
                    }

                    System.IO.File.Move(path, target, overwrite: true);
                    break;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _context.ReportError($"could not {action} '{path}' after reading it: {ex.Message}", ex);
        }

        _context.Logger.LogDebug("The {Connector} read '{Path}' ({Action}).", _context.Description, path, action);
    }
}
