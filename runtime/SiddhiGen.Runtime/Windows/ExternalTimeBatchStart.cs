namespace SiddhiGen.Runtime;

/// <summary>Where an <c>externalTimeBatch</c> window's first batch starts (its <c>start.time</c> parameter).</summary>
public enum ExternalTimeBatchStart : byte
{
    /// <summary>No <c>start.time</c>: the first event's timestamp attribute starts the first batch.</summary>
    FirstEvent,

    /// <summary>A constant <c>start.time</c>: batches are aligned to <c>start + k * t</c>.</summary>
    Constant,

    /// <summary>A <c>long</c> attribute <c>start.time</c>, read from the first event: the first batch ends at <c>start + t</c>.</summary>
    Attribute,
}
