using System.Reflection;
using SiddhiGen.Runtime;

namespace SiddhiGen.Generator.Tests.Persistence;

/// <summary>
/// One compiled app, instantiated as often as a test needs on one virtual clock: run events through an instance,
/// snapshot it, restore a fresh one and go on, and compare with what an uninterrupted run produced.
/// </summary>
internal sealed class SnapshotHarness
{
    public const long Base = 1_000_000;

    private readonly Type _type;

    public SnapshotHarness(string siddhi)
    {
        var result = GeneratedApp.Generate(siddhi);
        Assembly assembly = GeneratedApp.Compile(result.Source!);
        _type = assembly.GetType(result.AppTypeName!, throwOnError: true)!;
    }

    public VirtualClock Clock { get; private set; } = new(Base);

    /// <summary>A new instance on <see cref="Clock"/>, its stream's rows collected in <paramref name="rows"/>.</summary>
    public SiddhiApp Create(string stream, List<object?[]> rows)
    {
        var app = (SiddhiApp)Activator.CreateInstance(_type, new SiddhiAppOptions { Clock = Clock })!;
        app.Subscribe(stream, e => rows.Add(e.Data));
        return app;
    }

    /// <summary>Starts over on a new clock (a second run of the same events).</summary>
    public void ResetClock() => Clock = new VirtualClock(Base);

    public void Send(SiddhiApp app, long t, string stream, params object?[] row)
    {
        Clock.AdvanceTo(Base + t);
        app.Send(stream, Base + t, row);
    }

    /// <summary>
    /// Runs <paramref name="steps"/> twice, once uninterrupted and once snapshotting and restoring into a fresh
    /// instance after each step; returns both outputs of <paramref name="stream"/>.
    /// </summary>
    public (List<object?[]> Uninterrupted, List<object?[]> Restored) RunBothWays(string stream, IReadOnlyList<Action<SiddhiApp>> steps, long end)
    {
        var plain = new List<object?[]>();
        ResetClock();
        var app = Create(stream, plain);
        app.Start();
        foreach (var step in steps)
        {
            step(app);
        }

        Clock.AdvanceTo(Base + end);
        app.Shutdown();

        var restored = new List<object?[]>();
        ResetClock();
        var current = Create(stream, restored);
        current.Start();
        foreach (var step in steps)
        {
            step(current);
            var snapshot = current.Snapshot();
            current.Abandon();
            current = Create(stream, restored);
            current.Restore(snapshot);
            current.Start();
        }

        Clock.AdvanceTo(Base + end);
        current.Shutdown();
        return (plain, restored);
    }
}
