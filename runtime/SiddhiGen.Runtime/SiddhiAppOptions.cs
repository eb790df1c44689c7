using Microsoft.Extensions.Logging;

namespace SiddhiGen.Runtime;

/// <summary>How an app is created: its clock, playback mode and logging.</summary>
public sealed class SiddhiAppOptions
{
    /// <summary>
    /// The app's clock. When null, a playback app (<c>@app:playback</c>) gets a <see cref="VirtualClock"/>
    /// moved by event timestamps, any other app a <see cref="RealClock"/> on <see cref="TimeProvider"/>.
    /// </summary>
    public AppClock? Clock { get; init; }

    /// <summary>The wall clock for a non-playback app; <see cref="System.TimeProvider.System"/> by default.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Where the app logs (the <c>log</c> sink, dropped events, runtime errors). Console when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Where <see cref="SiddhiApp.Persist"/> saves revisions; null: <see cref="SiddhiApp.Persist"/> fails saying so.</summary>
    public IPersistenceStore? PersistenceStore { get; init; }

    /// <summary>Values for <c>${NAME}</c> placeholders in annotation values, looked up before the environment.</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}
