using System.Globalization;
using System.Text;
using SiddhiGen.Runtime;

namespace SiddhiGen.Management;

/// <summary>
/// The metrics as a Prometheus scrape (text exposition format 0.0.4): the <c>SiddhiGen</c> meter's
/// counters under their OpenTelemetry names with dots as underscores and <c>_total</c> appended, the
/// way the OpenTelemetry Prometheus exporter names them.
/// </summary>
internal static class PrometheusText
{
    public static string Write(AppDirectory directory, StreamRates rates)
    {
        var text = new StringBuilder();
        Family(text, "siddhigen_app_running", "gauge", "1 while the app runs");
        foreach (var app in directory.Apps)
        {
            Sample(text, "siddhigen_app_running", Labels(app.Name, null), app.IsRunning ? 1 : 0);
        }

        Family(text, "siddhigen_app_processing_errors_total", "counter", "Events dropped because processing them threw");
        foreach (var app in directory.Apps)
        {
            Sample(text, "siddhigen_app_processing_errors_total", Labels(app.Name, null), app.ProcessingErrors);
        }

        foreach (var (name, kind, help) in new[]
        {
            ("siddhigen_stream_events_in_total", CounterKind.In, "Events received by sources (and the management API), per stream"),
            ("siddhigen_stream_events_out_total", CounterKind.Out, "Events published by sinks, per stream"),
            ("siddhigen_stream_errors_total", CounterKind.Errors, "Mapping, processing and publishing errors, per stream"),
        })
        {
            Family(text, name, "counter", help);
            foreach (var app in directory.Apps)
            {
                foreach (var stream in app.Streams.Keys.Order(StringComparer.Ordinal))
                {
                    Sample(text, name, Labels(app.Name, stream), rates.Of(app.Name, stream).Total(kind));
                }
            }
        }

        return text.ToString();
    }

    private static void Family(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder text, string name, string labels, long value) =>
        text.Append(name).Append(labels).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static string Labels(string app, string? stream) =>
        stream is null ? $"{{siddhi_app=\"{Escape(app)}\"}}" : $"{{siddhi_app=\"{Escape(app)}\",siddhi_stream=\"{Escape(stream)}\"}}";

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
