using SiddhiGen.Runtime;

namespace SiddhiGen.Extensions;

/// <summary>
/// <c>#window.unique:first(key, ...)</c>: holds the first event of every key, forever; later events of a held key are
/// dropped (they are not emitted at all), and nothing ever expires. Siddhi: <c>UniqueFirstWindowProcessor</c>.
/// </summary>
[SiddhiWindow("unique:first")]
public sealed class UniqueFirstWindow<T, TKey, TKeyAccessor> : IWindow<T>
    where TKey : notnull
    where TKeyAccessor : IAttributeAccessor<T, TKey>
{
    private readonly Dictionary<TKey, StreamEvent<T>> _first = new();
    private StreamEvent<T>[]? _contents;

    public UniqueFirstWindow(AppClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
    }

    /// <inheritdoc />
    public ReadOnlySpan<StreamEvent<T>> Contents => _contents ??= _first.Values.ToArray();

    /// <inheritdoc />
    public void Process(ReadOnlySpan<StreamEvent<T>> chunk, WindowOutput<T> output)
    {
        var any = false;
        foreach (ref readonly var e in chunk)
        {
            if (_first.TryAdd(TKeyAccessor.Get(in e.Data), new StreamEvent<T>(e.Timestamp, e.Data, EventKind.Expired)))
            {
                output.Add(e.Timestamp, in e.Data, EventKind.Current);
                any = true;
            }
        }

        if (any)
        {
            _contents = null;
            output.CloseChunk();
        }
    }

    /// <inheritdoc />
    public void OnTimer(long dueTime, WindowOutput<T> output)
    {
        // Key-based: no timers.
    }
}
