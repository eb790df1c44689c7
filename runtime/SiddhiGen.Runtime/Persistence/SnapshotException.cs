namespace SiddhiGen.Runtime;

/// <summary>
/// A snapshot could not be taken (the app holds state that has no snapshot form yet) or restored (another app, another
/// version of the app, a corrupt or truncated snapshot). A failed restore leaves the app as it was.
/// </summary>
public sealed class SnapshotException : Exception
{
    public SnapshotException(string message)
        : base(message)
    {
    }

    public SnapshotException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
