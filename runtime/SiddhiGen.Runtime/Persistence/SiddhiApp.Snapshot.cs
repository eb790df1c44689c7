namespace SiddhiGen.Runtime;

/// <summary>
/// Snapshot and restore of the app's whole state: every registered operator's state under its name, the clock's time
/// and the pending timers, consistent because it is taken under the processing lock with every <c>@Async</c> stream idle.
/// </summary>
public abstract partial class SiddhiApp
{
    private readonly List<KeyValuePair<string, IStatefulOperator>> _stateful = [];
    private readonly List<string> _withoutSnapshot = [];
    private bool _restored;

    /// <summary>The hash of the app's text; the generator overrides it, so a snapshot restores only into the same app version.</summary>
    protected virtual string AppTextHash => string.Empty;

    /// <summary>True once a snapshot was restored: <see cref="Start"/> then continues the restored schedules (no <c>at 'start'</c> trigger again).</summary>
    public bool IsRestored => _restored;

    /// <summary>Registers a stateful part of the app under a name unique in the app (generated apps call this in their constructor).</summary>
    protected internal void RegisterState(string name, IStatefulOperator part)
    {
        foreach (var (existing, _) in _stateful)
        {
            if (existing == name)
            {
                throw new InvalidOperationException($"State '{name}' is registered twice in app '{Name}'.");
            }
        }

        _stateful.Add(new(name, part));
    }

    /// <summary>
    /// Declares a construct whose state has no snapshot form yet (for example a pattern query): <see cref="Snapshot"/>
    /// then fails naming it, instead of saving part of the state and losing the rest.
    /// </summary>
    protected internal void DeclareStateUnsupported(string construct) => _withoutSnapshot.Add(construct);

    /// <summary>
    /// The app's whole state as bytes: each operator's state, pending timers, the clock's time. Waits for the
    /// <c>@Async</c> streams to deliver what they hold first. Throws <see cref="SnapshotException"/> when the app holds
    /// state that has no snapshot form yet (the message names the construct).
    /// </summary>
    public byte[] Snapshot() => TakeSnapshot().ToBytes();

    /// <summary>The snapshot as a document of named entries (incremental stores save only the entries that changed).</summary>
    public SnapshotDocument TakeSnapshot()
    {
        if (_withoutSnapshot.Count > 0)
        {
            throw new SnapshotException($"App '{Name}' cannot be snapshotted: {string.Join(", ", _withoutSnapshot)} {(_withoutSnapshot.Count == 1 ? "has" : "have")} no snapshot support yet.");
        }

        for (var attempt = 0; ; attempt++)
        {
            // @Async workers need the lock to deliver, so they are drained outside it; under it they must be idle.
            if (!Drain(TimeSpan.FromSeconds(30)) && ProcessingLock.IsHeldByCurrentThread)
            {
                throw new SnapshotException($"App '{Name}' cannot be snapshotted from inside its own processing while @Async streams hold events.");
            }

            using (ProcessingLock.Enter())
            {
                if (_asyncDeliveries.TrueForAll(a => a.IsIdle))
                {
                    return SnapshotUnderLock(strictTimers: true);
                }
            }

            if (attempt == 100)
            {
                throw new SnapshotException($"App '{Name}' could not be snapshotted: its @Async streams kept receiving events faster than they were delivered.");
            }
        }
    }

    /// <param name="strictTimers">
    /// False for the copy a restore keeps to roll back to: a fresh instance's clock may still hold the timers of the
    /// instance it replaces (they are dropped when the restore puts the snapshot's timers on the clock).
    /// </param>
    private SnapshotDocument SnapshotUnderLock(bool strictTimers)
    {
        var timers = new TimerCapture(Clock.PendingTimerList());
        var writer = new StateWriter(4096) { Timers = timers };
        var entries = new List<KeyValuePair<string, byte[]>>(_stateful.Count);
        foreach (var (name, part) in _stateful)
        {
            writer.Reset();
            try
            {
                part.WriteState(writer);
            }
            catch (SnapshotException ex)
            {
                throw new SnapshotException($"App '{Name}' cannot be snapshotted: {name}: {ex.Message}", ex);
            }

            entries.Add(new(name, writer.ToArray()));
        }

        if (strictTimers)
        {
            timers.EnsureAllClaimed();
        }

        return new SnapshotDocument(Name, AppTextHash, Clock.Now, entries);
    }

    /// <summary>
    /// Replaces the app's state with a snapshot of this same app (same name, same text). Call it before <see cref="Start"/>
    /// (a fresh instance) or on a running app. The snapshot is checked in full first (format, checksum, app, version, the
    /// set of operators); if applying it still fails, the state from before is put back, so the app is left as it was.
    /// Throws <see cref="SnapshotException"/>.
    /// </summary>
    public void Restore(ReadOnlySpan<byte> snapshot) => Restore(SnapshotDocument.Parse(snapshot));

    /// <summary>Restores a parsed snapshot (see <see cref="Restore(ReadOnlySpan{byte})"/>).</summary>
    public void Restore(SnapshotDocument snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Validate(snapshot);
        if (!Drain(TimeSpan.FromSeconds(30)))
        {
            throw new SnapshotException($"App '{Name}' cannot restore a snapshot while its @Async streams hold events.");
        }

        using (ProcessingLock.Enter())
        {
            var before = SnapshotUnderLock(strictTimers: false);
            try
            {
                Apply(snapshot);
            }
            catch (Exception ex)
            {
                Apply(before);

                throw ex as SnapshotException ?? new SnapshotException($"App '{Name}' could not restore the snapshot ({ex.Message}); the app was left as it was.", ex);
            }
        }
    }

    private void Validate(SnapshotDocument snapshot)
    {
        if (snapshot.AppName != Name)
        {
            throw new SnapshotException($"The snapshot is of app '{snapshot.AppName}', not of '{Name}'.");
        }

        if (snapshot.AppHash != AppTextHash)
        {
            throw new SnapshotException($"The snapshot is of another version of app '{Name}' (app text hash {snapshot.AppHash}, this app's is {AppTextHash}).");
        }

        if (_withoutSnapshot.Count > 0)
        {
            throw new SnapshotException($"App '{Name}' cannot restore a snapshot: {string.Join(", ", _withoutSnapshot)} {(_withoutSnapshot.Count == 1 ? "has" : "have")} no snapshot support yet.");
        }

        var names = _stateful.Select(s => s.Key).ToList();
        if (!names.SequenceEqual(snapshot.Entries.Select(e => e.Key)))
        {
            throw new SnapshotException($"The snapshot of app '{Name}' holds the state of [{string.Join(", ", snapshot.Entries.Select(e => e.Key))}], this app has [{string.Join(", ", names)}].");
        }
    }

    private void Apply(SnapshotDocument snapshot)
    {
        var timers = new TimerRestore();
        for (var i = 0; i < _stateful.Count; i++)
        {
            var (name, part) = _stateful[i];
            var reader = new StateReader(snapshot.Entries[i].Value) { Timers = timers };
            try
            {
                part.ReadState(reader);
                reader.EnsureEnd(name);
            }
            catch (SnapshotException ex)
            {
                throw new SnapshotException($"App '{Name}' could not restore the snapshot: {name}: {ex.Message} The app was left as it was.", ex);
            }
        }

        Clock.RestoreTime(snapshot.ClockTime);
        Clock.ReplaceTimers(timers.InOrder());
        _restored = true;
    }

    /// <summary>
    /// Drops this instance without the shutdown path, after its snapshot was taken and another instance restored it
    /// (a worker handing over, the conformance runner's <c>--restore-each-step</c>): its sources and triggers stop, sends
    /// are rejected, and nothing more is emitted. The clock is left alone (the new instance may share it), as are the
    /// sinks, which nothing reaches any more.
    /// </summary>
    public void Abandon()
    {
        _state = 2;
        Interlocked.Exchange(ref _stopping, 1);
        for (var i = _components.Count - 1; i >= 0; i--)
        {
            if (_components[i] is Connectors.ConnectorRuntime { Kind: Connectors.ConnectorKind.Source } or ITimerTarget)
            {
                _components[i].Stop();
            }
        }
    }
}
