using SiddhiGen.Conformance.Cases;
using SiddhiGen.Runtime;

namespace SiddhiGen.Conformance.Execution;

/// <summary>
/// <c>--restore-each-step</c> (design.md section 7): before every step after the first, and before <c>end</c>, the
/// running app is snapshotted, its callbacks stop counting, it is abandoned (no shutdown path, so it emits nothing
/// more), and a fresh instance of the same app on the same clock and options gets the same callbacks, restores the
/// snapshot before <c>Start()</c>, starts, and carries on. The outputs collected across instances are compared as usual.
/// </summary>
public sealed class RestoreEachStep(Func<SiddhiAppOptions, SiddhiApp> createApp, SiddhiAppOptions options, Func<SiddhiApp, List<IDisposable>> subscribe)
{
    private List<IDisposable> _subscriptions = [];

    /// <summary>How many instances replaced the first one.</summary>
    public int Restores { get; private set; }

    /// <summary>The processing errors of the instances already abandoned.</summary>
    public long EarlierProcessingErrors { get; private set; }

    /// <summary>Remembers the first instance's subscriptions.</summary>
    public void Track(List<IDisposable> subscriptions) => _subscriptions = subscriptions;

    /// <summary>Snapshots <paramref name="app"/>, abandons it and returns the restored, started successor.</summary>
    public SiddhiApp Cycle(SiddhiApp app)
    {
        var snapshot = app.Snapshot();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        EarlierProcessingErrors += app.ProcessingErrors;
        app.Abandon();
        var fresh = createApp(options);
        _subscriptions = subscribe(fresh);
        fresh.Restore(snapshot);
        fresh.Start();
        Restores++;
        return fresh;
    }
}
