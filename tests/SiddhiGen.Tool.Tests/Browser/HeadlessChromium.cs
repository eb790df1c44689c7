using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiddhiGen.Tool.Tests.Browser;

/// <summary>
/// Debian's <c>chromium</c> in headless mode, driven over the DevTools protocol (a WebSocket; no package):
/// navigate, evaluate script, capture a screenshot. Absent browser: the test is ignored with the reason.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ClientWebSocket _socket;
    private readonly string _profile;
    private int _nextId;

    private HeadlessChromium(Process process, ClientWebSocket socket, string profile)
    {
        _process = process;
        _socket = socket;
        _profile = profile;
    }

    public static string? Executable =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var executable = Executable;
        if (executable is null)
        {
            Assert.Ignore("chromium is not installed (Debian package 'chromium'; .ci/run installs it): the page's browser test did not run.");
        }

        var profile = Directory.CreateTempSubdirectory("siddhigen-chromium-").FullName;
        var info = new ProcessStartInfo(executable!) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var flag in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0",
            "--remote-debugging-address=127.0.0.1", "--window-size=1280,900", "about:blank",
        })
        {
            info.ArgumentList.Add(flag);
        }

        var process = Process.Start(info)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        // With port 0 Chromium writes the port it chose to <profile>/DevToolsActivePort.
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(portFile) || File.ReadAllText(portFile).Split('\n')[0].Trim().Length == 0)
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                Assert.Fail("chromium did not open its DevTools port");
            }

            await Task.Delay(100);
        }

        var port = File.ReadAllText(portFile).Split('\n')[0].Trim();
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
        var browser = new HeadlessChromium(process, socket, profile);
        await browser.SendAsync("Page.enable");
        return browser;
    }

    public Task NavigateAsync(Uri uri) => SendAsync("Page.navigate", new JsonObject { ["url"] = uri.ToString() });

    /// <summary>Evaluates <paramref name="script"/> in the page (promises awaited) and returns its value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string script)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = script, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] is { } error)
        {
            Assert.Fail("script failed in the page: " + error.ToJsonString());
        }

        return result["result"]?["value"];
    }

    /// <summary>Evaluates <paramref name="script"/> until it returns true.</summary>
    public async Task WaitForAsync(string script, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while ((await EvaluateAsync(script))?.GetValueKind() != JsonValueKind.True)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting in the page for {what}; body: {await EvaluateAsync("document.body.innerText")}");
            }

            await Task.Delay(200);
        }
    }

    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        return Convert.FromBase64String((string)result["data"]!);
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var text = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer, timeout.Token);
                text.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            var reply = JsonNode.Parse(text.ToArray())!;
            if ((int?)reply["id"] == id)
            {
                return reply["error"] is { } error ? throw new InvalidOperationException($"{method}: {error.ToJsonString()}") : reply["result"]!;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }

        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
