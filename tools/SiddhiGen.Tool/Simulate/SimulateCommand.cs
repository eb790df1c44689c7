using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SiddhiGen.Runtime.Connectors;
using SiddhiGen.Runtime.Connectors.Mapping;
using SiddhiGen.Tool.Run;

namespace SiddhiGen.Tool.Simulate;

/// <summary>
/// <c>siddhigen simulate</c>: WSO2's event simulator against a running app — a single event
/// (<c>--data</c>), a CSV feed (<c>--csv</c>) or a random feed (<c>--random</c>) — sent to the management
/// API of <c>siddhigen run</c> (or any host with <c>MapSiddhi</c>) or to an <c>http</c> source, with a
/// progress line and a summary.
/// </summary>
public static class SimulateCommand
{
    public const string DefaultUrl = RunCommand.DefaultUrl + "/siddhi";

    public const string Usage =
        "siddhigen simulate --stream S [--app A] [--url " + DefaultUrl + "] [--http URL --attributes name:type,...] [--user U --password P]\n" +
        "                 (--data '[\"a\", 1]' | --csv FILE [--header] [--delimiter ,] [--columns 0,2,1] [--timestamp-column N] [--loop N]\n" +
        "                  | --random name=MIN..MAX --random name=a|b|c ... [--precision 2] [--seed N])\n" +
        "                 [--interval 100ms | --rate N] [--count N] [--duration 10s] [--quiet]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter progress, CancellationToken stop)
    {
        var a = Arguments.Parse(
            args,
            new HashSet<string> { "header", "quiet" },
            new HashSet<string> { "stream", "app", "url", "http", "attributes", "user", "password", "data", "csv", "delimiter", "columns", "timestamp-column", "loop", "random", "precision", "seed", "interval", "rate", "count", "duration" });
        var stream = a.Get("stream") ?? throw new UsageException("simulate needs --stream.");
        var modes = new[] { "data", "csv", "random" }.Count(a.Has);
        if (modes != 1)
        {
            throw new UsageException("simulate needs exactly one of --data, --csv and --random.");
        }

        var auth = a.Get("user") is { } user
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + (a.Get("password") ?? string.Empty))))
            : null;
        try
        {
            using var target = a.Get("http") is { } http
                ? EventTarget.HttpSource(http, stream, a.Get("attributes") ?? throw new UsageException("--http needs --attributes name:type,... (the stream's schema)."), auth)
                : await EventTarget.ManagementAsync(a.Get("url") ?? DefaultUrl, a.Get("app"), stream, auth, stop).ConfigureAwait(false);

            var events = Feed(a, target);
            var gap = a.GetDuration("interval") ?? (a.GetDouble("rate") is { } rate and > 0 ? TimeSpan.FromSeconds(1 / rate) : (TimeSpan?)null);
            var paced = new Pacer(gap, useTimestamps: a.Has("timestamp-column") && !a.Has("interval"), a.GetLong("count"), a.GetDuration("duration"));
            return await SendAllAsync(target, events, paced, output, a.Flag("quiet") ? TextWriter.Null : progress, stop).ConfigureAwait(false);
        }
        catch (SimulationException ex)
        {
            output.WriteLine("error: " + ex.Message);
            return 1;
        }
        catch (HttpRequestException ex)
        {
            output.WriteLine($"error: the target cannot be reached: {ex.Message}");
            return 1;
        }
    }

    private static IEnumerable<SimulatedEvent> Feed(Arguments a, EventTarget target)
    {
        if (a.Get("data") is { } data)
        {
            return [new SimulatedEvent(ParseData(data, target), null)];
        }

        if (a.Get("csv") is { } csv)
        {
            var delimiter = a.Get("delimiter") is { Length: 1 } d ? d[0] : a.Has("delimiter") ? throw new UsageException("--delimiter is one character.") : ',';
            return new CsvFeed(csv, target.Schema, delimiter, a.Flag("header"), a.Get("columns"), a.Get("timestamp-column"), a.GetLong("loop") ?? 1).Events();
        }

        if (!a.Has("count") && !a.Has("duration"))
        {
            throw new UsageException("--random needs --count or --duration.");
        }

        var seed = a.GetLong("seed") is { } s ? (int)s : (int?)null;
        return new RandomFeed(target.Schema, a.All("random"), (int)(a.GetLong("precision") ?? 2), seed).Events();
    }

    /// <summary><c>--data '["NW106", "LW100", 26]'</c>: one value per attribute, converted to the attribute's type.</summary>
    private static object?[] ParseData(string data, EventTarget target)
    {
        JsonArray values;
        try
        {
            values = JsonNode.Parse(data) as JsonArray ?? throw new UsageException("--data is a JSON array of values, e.g. '[\"a\", 1]'.");
        }
        catch (JsonException ex)
        {
            throw new UsageException($"--data is not valid JSON: {ex.Message}");
        }

        var attributes = target.Schema.Attributes;
        if (values.Count != attributes.Length)
        {
            throw new UsageException($"--data has {values.Count} value(s) but stream '{target.Schema.Name}' has {attributes.Length} ({string.Join(", ", attributes.Select(x => x.Name))}).");
        }

        try
        {
            return [.. attributes.Select((attribute, i) => JsonValues.FromNode(values[i], attribute.Type, attribute.Name))];
        }
        catch (MappingException ex)
        {
            throw new UsageException("--data: " + ex.Message);
        }
    }

    private static async Task<int> SendAllAsync(EventTarget target, IEnumerable<SimulatedEvent> events, Pacer pacer, TextWriter output, TextWriter progress, CancellationToken stop)
    {
        long sent = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        try
        {
            foreach (var e in events)
            {
                if (!await pacer.WaitAsync(e, sent + failed, clock.Elapsed, stop).ConfigureAwait(false))
                {
                    break;
                }

                try
                {
                    await target.SendAsync(e.Row, e.Timestamp, stop).ConfigureAwait(false);
                    sent++;
                }
                catch (SimulationException ex)
                {
                    failed++;
                    progress.WriteLine($"event {sent + failed} refused: {ex.Message}");
                }

                if (clock.Elapsed - lastProgress >= TimeSpan.FromSeconds(1))
                {
                    lastProgress = clock.Elapsed;
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent {sent} event(s), {Rate(sent, clock.Elapsed):0.#}/s"));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            progress.WriteLine("stopped");
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Sent {sent} event(s) to {target.Schema.Name} ({target.Description}) in {clock.Elapsed.TotalSeconds:0.###} s ({Rate(sent, clock.Elapsed):0.#} events/s); {failed} refused."));
        return failed > 0 ? 1 : 0;
    }

    private static double Rate(long count, TimeSpan elapsed) => elapsed.TotalSeconds > 0 ? count / elapsed.TotalSeconds : 0;
}
