using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SiddhiGen.Runtime;

/// <summary>
/// The lock that serialises an app's processing: sends, timers, start-up. It is reentrant (a callback may send
/// again) and costs no atomic instruction while only one thread ever takes it, which is how most apps run
/// (one source thread, or a test or playback driving a virtual clock).
/// </summary>
/// <remarks>
/// <para>
/// It is a biased lock. The first thread that takes it becomes its owner and from then on enters with two plain
/// stores and a load: it marks itself busy and checks that the bias still holds. Any other thread first revokes
/// the bias, once and for good: it publishes the revocation, issues a process-wide memory barrier, and waits until
/// the owner is not busy; from then on every thread, the former owner too, takes an ordinary monitor.
/// </para>
/// <para>
/// Why the owner needs no fence: the owner writes <c>busy</c> then reads <c>revoked</c>; the revoker writes
/// <c>revoked</c>, runs <see cref="Interlocked.MemoryBarrierProcessWide"/> (which makes every processor execute a
/// full barrier), then reads <c>busy</c>. That is asymmetric Dekker synchronisation: either the owner sees the
/// revocation and backs off to the monitor, or the revoker sees the owner busy and waits for it to leave.
/// </para>
/// <para>
/// Becoming the owner happens under the monitor, so a thread holding the monitor before any bias exists
/// (for example <see cref="SiddhiApp.Start"/>) still excludes everyone.
/// </para>
/// </remarks>
[DebuggerDisplay("Owner = {_owner}, Revoked = {_revoked}, Busy = {_busy}")]
public sealed class ProcessingLock
{
    /// <summary>The lock every thread takes once the bias is revoked, and the one that guards becoming the owner.</summary>
    private readonly object _monitor = new();

    /// <summary>Serialises revokers.</summary>
    private readonly object _revokeGate = new();

    /// <summary>The managed thread id the lock is biased to; 0 until a thread claims it. Written once, under the monitor.</summary>
    private int _owner;

    /// <summary>Nesting depth of the owner's biased entries; only the owner reads or writes it.</summary>
    private int _depth;

    /// <summary>1 while the owner is inside through the biased path.</summary>
    private int _busy;

    /// <summary>1 once the bias is revoked: everyone uses the monitor.</summary>
    private int _revoked;

    /// <summary>True when the calling thread is inside the lock (it must not wait for work that needs the lock).</summary>
    public bool IsHeldByCurrentThread =>
        _owner == CurrentThreadId && _depth != 0 || Monitor.IsEntered(_monitor);

    /// <summary>True once a second thread took the lock, so every entry now takes the monitor.</summary>
    public bool IsShared => Volatile.Read(ref _revoked) != 0;

    /// <summary>Enters the lock; dispose the result (a <c>using</c>) to leave it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Scope Enter()
    {
        if (_owner == CurrentThreadId)
        {
            if (_depth != 0)
            {
                // Nested inside a biased entry: already exclusive.
                _depth++;
                return new Scope(this, biased: true);
            }

            Volatile.Write(ref _busy, 1);
            if (Volatile.Read(ref _revoked) == 0)
            {
                _depth = 1;
                return new Scope(this, biased: true);
            }

            Volatile.Write(ref _busy, 0);
        }

        return EnterShared();
    }

    /// <summary>The managed thread id, cached per thread: a thread-static read inlines where the property is a call.</summary>
    private static int CurrentThreadId
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var id = t_threadId;
            return id != 0 ? id : t_threadId = Environment.CurrentManagedThreadId;
        }
    }

    [ThreadStatic]
    private static int t_threadId;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Exit(bool biased)
    {
        if (biased)
        {
            if (--_depth == 0)
            {
                Volatile.Write(ref _busy, 0);
            }
        }
        else
        {
            Monitor.Exit(_monitor);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Scope EnterShared()
    {
        var thread = CurrentThreadId;
        Monitor.Enter(_monitor);
        var owner = Volatile.Read(ref _owner);
        if (owner == 0)
        {
            // The first thread to take the lock owns it from its next entry on (claims happen only under the
            // monitor, so no biased entry can start while this one holds it).
            if (Volatile.Read(ref _revoked) == 0)
            {
                Volatile.Write(ref _owner, thread);
            }
        }
        else if (owner != thread && Volatile.Read(ref _revoked) == 0)
        {
            Revoke();
        }

        return new Scope(this, biased: false);
    }

    /// <summary>Ends the bias for good and waits until the owner has left its biased entry.</summary>
    private void Revoke()
    {
        lock (_revokeGate)
        {
            if (Volatile.Read(ref _revoked) != 0)
            {
                return;
            }

            Volatile.Write(ref _revoked, 1);
            Interlocked.MemoryBarrierProcessWide();
            var spinner = default(SpinWait);
            while (Volatile.Read(ref _busy) != 0)
            {
                spinner.SpinOnce();
            }
        }
    }

    /// <summary>Holds the lock until disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly ProcessingLock _lock;
        private readonly bool _biased;

        internal Scope(ProcessingLock processingLock, bool biased)
        {
            _lock = processingLock;
            _biased = biased;
        }

        /// <summary>Leaves the lock.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Dispose() => _lock.Exit(_biased);
    }
}
