using System.Collections.Concurrent;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;

using SiddhiGen.Integration.Tests.Apps.FileApp;

namespace SiddhiGen.Integration.Tests.File;

/// <summary>The file source (line, text.full, regex; tailing; dir.uri; after-process actions) and sink (templates, append), on real files in a temp folder.</summary>
[Category("file")]
public sealed class FileConnectorTests
{
    private TempFolder _dir = null!;
    private RecordingLoggerFactory _logs = null!;
    private FileApp _app = null!;
    private ConcurrentQueue<OutEvent> _out = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempFolder();
        _logs = new RecordingLoggerFactory();
        _app = new FileApp(new SiddhiAppOptions { LoggerFactory = _logs, Variables = new Dictionary<string, string> { ["DIR"] = _dir.Path } });
        _out = new ConcurrentQueue<OutEvent>();
        _app.Out.Subscribe(_out.Enqueue);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _app.StopAsync();
        _app.Dispose();
        _dir.Dispose();
    }

    private ConnectorRuntime Source(string stream) => _app.GetConnectors().Sources.Single(s => s.Stream == stream);

    [Test]
    public async Task LineModeReadsEveryLineSkipsTheHeaderKeepsTheFileAndCompletes()
    {
        System.IO.File.WriteAllText(_dir.File("lines.csv"), "symbol,price\nWSO2,55.5\nBAD,not-a-number\nIBM,10\n");
        await _app.StartAsync();

        await Wait.ForCountAsync(_out, 2, "events from lines.csv");
        await Wait.UntilAsync(() => Source("Lines").State == ConnectorState.Completed, "the finite file source to complete");
        Assert.That(_out.Select(e => (e.Symbol, e.Price)), Is.EqualTo(new[] { ("WSO2", (double?)55.5), ("IBM", 10.0) }));
        Assert.That(Source("Lines").Errors, Is.EqualTo(1), "the malformed line went to the error policy");
        Assert.That(_logs.Errors.Single(), Does.Contain("not-a-number"));
        Assert.That(System.IO.File.Exists(_dir.File("lines.csv")), Is.True, "action.after.process='NONE' leaves the file, as in Siddhi");
    }

    [Test]
    public async Task TheFileSinkWritesOneFilePerTemplateValueAndAppends()
    {
        System.IO.File.WriteAllText(_dir.File("lines.csv"), "symbol,price\nWSO2,1\nIBM,2\nWSO2,3\n");
        await _app.StartAsync();
        await Wait.ForCountAsync(_out, 3, "events");
        await _app.StopAsync();

        Assert.That(System.IO.File.ReadAllText(_dir.File("out/WSO2.json")), Is.EqualTo(
            "{\"event\":{\"symbol\":\"WSO2\",\"price\":1,\"origin\":\"lines\"}}\n{\"event\":{\"symbol\":\"WSO2\",\"price\":3,\"origin\":\"lines\"}}\n"));
        Assert.That(System.IO.File.ReadAllText(_dir.File("out/IBM.json")), Is.EqualTo("{\"event\":{\"symbol\":\"IBM\",\"price\":2,\"origin\":\"lines\"}}\n"));
        Assert.That(System.IO.File.ReadAllText(_dir.File("all.csv")), Is.EqualTo("WSO2,1,lines\nIBM,2,lines\nWSO2,3,lines\n"), "the csv mapper ends its own lines");
    }

    [Test]
    public async Task TailingReadsWhatIsAppendedAndTheLastWriteReplacesTheFile()
    {
        var tail = _dir.File("tail.txt");
        System.IO.File.WriteAllText(tail, "symbol:\"A\",price:1\n");
        await _app.StartAsync();
        await Wait.ForCountAsync(_out, 1, "the first line");

        System.IO.File.AppendAllText(tail, "symbol:\"B\",price:2\nsymbol:\"C\",");
        await Wait.ForCountAsync(_out, 2, "the appended line");
        System.IO.File.AppendAllText(tail, "price:3\n");
        await Wait.ForCountAsync(_out, 3, "the line completed later");

        // The sink may write its file just after the subscriber saw the event: wait for the write, then check it.
        await Wait.UntilAsync(() => ReadShared(_dir.File("last.txt")) == "symbol:\"C\",price:3\n", "last.txt to hold the last payload");
        Assert.That(_out.Select(e => e.Symbol), Is.EqualTo(new[] { "A", "B", "C" }));
        Assert.That(Source("Tail").State, Is.EqualTo(ConnectorState.Running), "a tailed file never completes");
    }

    [Test]
    public async Task DirectoryFilesAreReadWholeAndMovedAfterProcessing()
    {
        Directory.CreateDirectory(_dir.File("inbox"));
        System.IO.File.WriteAllText(_dir.File("inbox/a.json"), """[{"symbol":"A","price":1},{"symbol":"B","price":2}]""");
        System.IO.File.WriteAllText(_dir.File("inbox/ignored.txt"), "not json");
        await _app.StartAsync();
        await Wait.ForCountAsync(_out, 2, "events of a.json");

        System.IO.File.WriteAllText(_dir.File("inbox/b.json"), """{"event":{"symbol":"C","price":3}}""");
        await Wait.ForCountAsync(_out, 3, "the event of a file added later");
        await Wait.UntilAsync(() => System.IO.File.Exists(_dir.File("done/b.json")), "b.json to be moved");

        Assert.That(_out.Select(e => e.Symbol), Is.EqualTo(new[] { "A", "B", "C" }));
        Assert.That(System.IO.File.Exists(_dir.File("done/a.json")) && !System.IO.File.Exists(_dir.File("inbox/a.json")), Is.True);
        Assert.That(System.IO.File.Exists(_dir.File("inbox/ignored.txt")), Is.True, "file.name.pattern filters");
    }

    [Test]
    public async Task RegexModeDeliversEachBlockAndDeletesTheFileByDefault()
    {
        System.IO.File.WriteAllText(_dir.File("blocks.txt"), "junk <begin> sym=WSO2\nprice=55.5 <end> more <begin>sym=IBM price=7<end>");
        await _app.StartAsync();
        await Wait.ForCountAsync(_out, 2, "two regex blocks");
        await Wait.UntilAsync(() => !System.IO.File.Exists(_dir.File("blocks.txt")), "blocks.txt to be deleted (action.after.process='delete')");

        Assert.That(_out.Select(e => (e.Symbol, e.Price, e.Origin)), Is.EqualTo(new[] { ("WSO2", (double?)55.5, "blocks"), ("IBM", 7.0, "blocks") }));
    }

    [Test]
    public async Task StoppingWhileTailingLosesNothingThatWasRead()
    {
        var tail = _dir.File("tail.txt");
        System.IO.File.WriteAllText(tail, string.Concat(Enumerable.Range(0, 2000).Select(i => $"symbol:\"S{i}\",price:{i}\n")));
        await _app.StartAsync();
        await Wait.ForCountAsync(_out, 1, "the first tailed line");
        await _app.StopAsync();

        var received = Source("Tail").Events;
        var written = System.IO.File.ReadAllLines(_dir.File("all.csv")).Count(l => l.EndsWith(",tail", StringComparison.Ordinal));
        Assert.That(received, Is.GreaterThan(0));
        Assert.That(written, Is.EqualTo(received), "every event the source delivered reached the file sink before shutdown completed");
        Assert.That(_out.Count(e => e.Origin == "tail"), Is.EqualTo(received));
    }

    [Test]
    public void AMissingVariableFailsTheStartWithSiddhisMessage()
    {
        using var app = new FileApp(new SiddhiAppOptions { LoggerFactory = _logs });
        var ex = Assert.Throws<ConnectorConfigurationException>(() => app.Start());
        Assert.That(ex!.InnerException!.Message, Is.EqualTo("No system or environmental variable found for '${DIR}', for Siddhi App 'FileApp'"));
    }

    /// <summary>The file's text, or null while it is missing or being written.</summary>
    private static string? ReadShared(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
