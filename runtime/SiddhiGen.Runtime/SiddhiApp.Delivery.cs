namespace SiddhiGen.Runtime;

/// <summary>
/// How the app keeps its streams' deliveries consistent when processing throws. Every delivery a stream starts
/// gets the next number; an entry point (a send, a timer) notes the number before it runs, and if an exception
/// reaches it, the deliveries numbered after that note were cut short: their streams become idle again. Deliveries
/// that began before the entry point (a callback that sends again while its own stream is delivering) go on.
/// </summary>
public abstract partial class SiddhiApp
{
    private readonly List<IStreamDelivery> _deliveries = [];
    private long _lastDelivery;

    /// <summary>The number of the last delivery started; an entry point notes it before it runs.</summary>
    internal long DeliveryMark => _lastDelivery;

    /// <summary>Numbers a delivery a stream starts.</summary>
    internal long StartDelivery() => ++_lastDelivery;

    /// <summary>Ends the deliveries started after <paramref name="mark"/>, which an exception cut short.</summary>
    internal void AbandonDeliveries(long mark)
    {
        foreach (var stream in _deliveries)
        {
            stream.AbandonDeliveriesSince(mark);
        }
    }

    private void TrackDeliveries(IStreamDelivery stream) => _deliveries.Add(stream);

    private readonly List<IAsyncDelivery> _asyncDeliveries = [];

    /// <summary>
    /// Waits until every <c>@Async</c> stream has delivered what was sent to it (at once when the app has none).
    /// False when <paramref name="timeout"/> (default: 30 seconds) ran out first, or when called from inside the
    /// app's processing (a callback), where waiting could never end.
    /// </summary>
    public bool Drain(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        foreach (var stream in _asyncDeliveries)
        {
            var left = deadline - DateTime.UtcNow;
            if (left < TimeSpan.Zero || !stream.WaitUntilIdle(left))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Registers an <c>@Async</c> stream's worker: it starts with the app and, registered last, stops first.</summary>
    internal void AddAsyncDelivery<T>(AsyncDelivery<T> delivery)
    {
        _asyncDeliveries.Add(delivery);
        AddComponent(delivery);
    }
}
