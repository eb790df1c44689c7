namespace SiddhiGen.Runtime;

/// <summary>A stream's delivery state as the app sees it when an exception cuts deliveries short.</summary>
internal interface IStreamDelivery
{
    /// <summary>Ends this stream's delivery if it started after <paramref name="mark"/> (see <see cref="SiddhiApp.AbandonDeliveries"/>).</summary>
    void AbandonDeliveriesSince(long mark);
}
