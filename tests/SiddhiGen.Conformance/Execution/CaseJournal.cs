namespace SiddhiGen.Conformance.Execution;

/// <summary>
/// A file that records which cases are being worked on (<c>begin id</c> ... <c>end id</c>), written
/// through at once, so after the process dies (a stack overflow cannot be caught) the supervisor can
/// tell which cases were in flight. A case that timed out never ends: its abandoned thread may still
/// bring the process down.
/// </summary>
public sealed class CaseJournal : IDisposable
{
    private readonly StreamWriter _writer;

    public CaseJournal(string path) =>
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };

    public void Begin(string id) => Write("begin " + id);

    public void End(string id) => Write("end " + id);

    public void Dispose() => _writer.Dispose();

    /// <summary>The ids that began but did not end, in the order they began.</summary>
    public static IReadOnlyList<string> InFlight(string path)
    {
        var open = new List<string>();
        if (!File.Exists(path))
        {
            return open;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("begin ", StringComparison.Ordinal))
            {
                open.Add(line[6..]);
            }
            else if (line.StartsWith("end ", StringComparison.Ordinal))
            {
                open.Remove(line[4..]);
            }
        }

        return open;
    }

    private void Write(string line)
    {
        lock (_writer)
        {
            _writer.WriteLine(line);
        }
    }
}
