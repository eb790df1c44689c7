using System.Globalization;
using SiddhiGen.Conformance.Cases;
using SiddhiGen.Conformance.Values;
using SiddhiGen.Runtime;

namespace SiddhiGen.Conformance.Execution;

/// <summary>
/// Drives one app through one case exactly as FORMAT.md says: a virtual clock at <c>base</c>,
/// callbacks on the expected streams and queries before <c>Start</c>, then per step the clock moved to
/// <c>base + t</c> (firing due timers) and the send or on-demand query, then the clock moved to
/// <c>base + end</c> and <c>Shutdown</c>. It records what the app produced; it never throws except
/// <see cref="OperationCanceledException"/> when the watchdog gives up on the case.
/// </summary>
public static class CaseExecutor
{
    public static ActualOutput Execute(ConformanceCase testCase, Func<SiddhiAppOptions, SiddhiApp> createApp, CancellationToken cancellationToken = default, bool restoreEachStep = false)
    {
        var output = new ActualOutput();
        Execute(testCase, createApp, output, cancellationToken, restoreEachStep);
        return output;
    }

    /// <summary>Records into <paramref name="output"/>, so a caller that gives up on the case still has what was produced so far.</summary>
    /// <param name="restoreEachStep">Between steps, carry on in a fresh instance restored from a snapshot (<see cref="RestoreEachStep"/>).</param>
    public static void Execute(ConformanceCase testCase, Func<SiddhiAppOptions, SiddhiApp> createApp, ActualOutput output, CancellationToken cancellationToken, bool restoreEachStep = false)
    {
        var logger = new CapturingLoggerFactory();
        var clock = new VirtualClock(start: testCase.Base, advanceOnEvents: true);
        var options = new SiddhiAppOptions { Clock = clock, LoggerFactory = logger };

        SiddhiApp app;
        try
        {
            app = createApp(options);
        }
        catch (Exception ex)
        {
            output.Error = "create: " + Describe(ex);
            output.CreationFailed = true;
            return;
        }

        var restore = restoreEachStep ? new RestoreEachStep(createApp, options, fresh => SubscribeAgain(testCase, fresh, output)) : null;
        try
        {
            if (!Subscribe(testCase, app, output, out var subscriptions) || !Start(app, output))
            {
                return;
            }

            restore?.Track(subscriptions);
            RunSteps(testCase, ref app, clock, output, cancellationToken, restore);
        }
        finally
        {
            TryShutdown(app, output);
            output.ProcessingErrors = app.ProcessingErrors + (restore?.EarlierProcessingErrors ?? 0);
            output.FirstLoggedError = logger.FirstError;
        }
    }

    private static bool Subscribe(ConformanceCase testCase, SiddhiApp app, ActualOutput output, out List<IDisposable> subscriptions)
    {
        subscriptions = [];
        try
        {
            foreach (var stream in testCase.Expect.Streams)
            {
                var name = stream.Name;
                output.AddStream(name, app.GetSchema(name));
                subscriptions.Add(app.Subscribe(name, e => output.RecordStream(name, e.Data)));
            }

            foreach (var query in testCase.Expect.Queries)
            {
                var name = query.Name;
                output.AddQuery(name);
                subscriptions.Add(app.SubscribeQuery(name, r => output.RecordQuery(name, r.Current, r.Expired)));
            }

            return true;
        }
        catch (Exception ex)
        {
            output.Error = "subscribe: " + Describe(ex);
            return false;
        }
    }

    /// <summary>
    /// The callbacks of <see cref="Subscribe"/> for a restored instance (the streams and queries are already known to
    /// <paramref name="output"/>); they record only until disposed.
    /// </summary>
    private static List<IDisposable> SubscribeAgain(ConformanceCase testCase, SiddhiApp app, ActualOutput output)
    {
        var live = new LiveFlag();
        var subscriptions = new List<IDisposable> { live };
        foreach (var stream in testCase.Expect.Streams)
        {
            var name = stream.Name;
            subscriptions.Add(app.Subscribe(name, e => { if (live.IsLive) output.RecordStream(name, e.Data); }));
        }

        foreach (var query in testCase.Expect.Queries)
        {
            var name = query.Name;
            subscriptions.Add(app.SubscribeQuery(name, r => { if (live.IsLive) output.RecordQuery(name, r.Current, r.Expired); }));
        }

        return subscriptions;
    }

    private sealed class LiveFlag : IDisposable
    {
        public volatile bool IsLive = true;

        public void Dispose() => IsLive = false;
    }

    private static bool Start(SiddhiApp app, ActualOutput output)
    {
        try
        {
            app.Start();
            return true;
        }
        catch (Exception ex)
        {
            output.Error = "start: " + Describe(ex);
            output.CreationFailed = true;
            return false;
        }
    }

    private static void RunSteps(ConformanceCase testCase, ref SiddhiApp app, VirtualClock clock, ActualOutput output, CancellationToken cancellationToken, RestoreEachStep? restore)
    {
        var stepIndex = 0;
        try
        {
            foreach (var step in testCase.Steps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (restore is not null && stepIndex > 0)
                {
                    app = restore.Cycle(app);
                }

                var time = testCase.Base + step.T;
                clock.AdvanceTo(time);
                switch (step.Kind)
                {
                    case StepKind.Send:
                        app.Send(step.Target, time, InputValues.ConvertRow(step.Rows[0], SchemaOf(app, step.Target)));
                        break;
                    case StepKind.SendChunk:
                        var schema = SchemaOf(app, step.Target);
                        app.SendChunk(step.Target, time, [.. step.Rows.Select(r => InputValues.ConvertRow(r, schema))]);
                        break;
                    case StepKind.Query:
                        output.RecordResult(app.Query(step.Target).Select(r => (object?[])r.Clone()));
                        break;
                }

                // An @Async stream delivers on its worker thread: each step sees what the previous ones led to.
                if (!app.Drain(TimeSpan.FromSeconds(10)))
                {
                    throw new TimeoutException("the app's @Async streams did not deliver within 10 s");
                }

                stepIndex++;
            }

            if (restore is not null)
            {
                app = restore.Cycle(app);
            }

            clock.AdvanceTo(testCase.Base + testCase.End);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var where = stepIndex < testCase.Steps.Length
                ? $"step {stepIndex + 1} (t={testCase.Steps[stepIndex].T.ToString(CultureInfo.InvariantCulture)})"
                : "end";
            output.Error = $"runtime at {where}: {Describe(ex)}";
        }
    }

    private static StreamSchema SchemaOf(SiddhiApp app, string stream) =>
        app.GetSchema(stream) ?? throw new InvalidOperationException($"The app has no stream '{stream}' to send to.");

    private static void TryShutdown(SiddhiApp app, ActualOutput output)
    {
        try
        {
            app.Shutdown();
        }
        catch (Exception ex)
        {
            output.Error ??= "shutdown: " + Describe(ex);
        }
    }

    /// <summary>The exception's type and message, unwrapping reflection wrappers.</summary>
    public static string Describe(Exception ex)
    {
        while (ex is System.Reflection.TargetInvocationException { InnerException: { } inner })
        {
            ex = inner;
        }

        return ex.GetType().Name + ": " + ex.Message;
    }
}
