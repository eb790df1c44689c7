using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace SiddhiGen.Integration.Tests;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) that records each request and answers with what
/// <see cref="Handler"/> returns; the peer the HTTP sinks call in tests.
/// </summary>
public sealed class TestEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serve;

    public TestEndpoint(int? port = null)
    {
        Port = port ?? Ports.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serve = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>Every request received: method, path, body and headers.</summary>
    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>The answer to a request: status, body and Content-Type (default: 200, empty).</summary>
    public Func<Request, (int Status, string Body, string ContentType)> Handler { get; set; } = _ => (200, string.Empty, "text/plain");

    private async Task ServeAsync()
    {
        try
        {
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream);
                var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
                var request = new Request(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, await reader.ReadToEndAsync(), headers);
                Requests.Enqueue(request);
                var (status, body, contentType) = Handler(request);
                context.Response.StatusCode = status;
                context.Response.ContentType = contentType;
                var bytes = Encoding.UTF8.GetBytes(body);
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _serve.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public sealed record Request(string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}
