using Microsoft.Extensions.Logging;

namespace SiddhiGen.Runtime.Connectors;

/// <summary>
/// Applies an error action to what failed in one connector: logs it with the payload, counts it, and
/// with <see cref="ErrorAction.Stream"/> sends the events to the fault stream <c>!S</c> (the stream's
/// attributes plus <c>_error</c>). Nothing is dropped without a log line and a counter.
/// </summary>
internal sealed class ErrorPolicy
{
    private readonly ConnectorRuntime _owner;

    public ErrorPolicy(ConnectorRuntime owner, ErrorAction action)
    {
        _owner = owner;
        Action = action;
    }

    public ErrorAction Action { get; }

    private string FaultStream => "!" + _owner.Stream;

    /// <summary>A received message could not be mapped.</summary>
    public void MappingFailed(MappingException exception)
    {
        _owner.CountError("mapping", exception.Message);
        if (Action == ErrorAction.Stream)
        {
            var schema = _owner.App.GetSchema(_owner.Stream);
            SendFaults([new object?[schema?.Attributes.Length ?? 0]], exception);
            return;
        }

        _owner.Logger.LogError(
            "{Connector} of app '{App}' could not map a message: {Error} Payload: {Payload}",
            _owner.Description,
            _owner.AppName,
            exception.Message,
            exception.Payload);
    }

    /// <summary>Processing events from the source threw.</summary>
    public void ProcessingFailed(IReadOnlyList<object?[]> rows, Exception exception)
    {
        _owner.CountError("processing", exception.Message, rows.Count);
        if (Action == ErrorAction.Stream)
        {
            SendFaults(rows, exception);
            return;
        }

        _owner.Logger.LogError(exception, "Processing {Count} event(s) from the {Connector} of app '{App}' failed; they were dropped: {Events}", rows.Count, _owner.Description, _owner.AppName, Describe(rows));
    }

    /// <summary>A sink could not publish (after retries, for WAIT on shutdown).</summary>
    public void PublishFailed(IReadOnlyList<object?[]>? rows, int count, Exception exception, bool dropping = true)
    {
        _owner.CountError("publish", exception.Message, count);
        if (Action == ErrorAction.Stream && rows is not null)
        {
            SendFaults(rows, exception);
            return;
        }

        _owner.Logger.LogError(exception, "The {Connector} of app '{App}' could not publish {Count} event(s){Dropped}: {Error} {Events}", _owner.Description, _owner.AppName, count, dropping ? "; they were dropped" : string.Empty, exception.Message, rows is null ? string.Empty : Describe(rows));
    }

    /// <summary>Events arrived while the app was not running.</summary>
    public void Unavailable(int count, string payload)
    {
        _owner.CountError("unavailable", "The app is not running.", count);
        _owner.Logger.LogWarning("The {Connector} of app '{App}' received {Count} event(s) while the app is not running; they were not processed: {Payload}", _owner.Description, _owner.AppName, count, payload);
    }

    private void SendFaults(IReadOnlyList<object?[]> rows, Exception exception)
    {
        try
        {
            var app = _owner.App;
            var faults = rows.Select(r => (object?[])[.. r, exception]).ToList();
            app.SendChunk(FaultStream, app.Clock.Now, faults);
        }
        catch (Exception ex)
        {
            _owner.Logger.LogError(ex, "The {Connector} of app '{App}' could not send {Count} failed event(s) to the fault stream '{Fault}'; the original error: {Error}", _owner.Description, _owner.AppName, rows.Count, FaultStream, exception.Message);
        }
    }

    private static string Describe(IReadOnlyList<object?[]> rows) =>
        string.Join(", ", rows.Take(10).Select(r => "[" + string.Join(", ", r.Select(SiddhiValues.Format)) + "]")) + (rows.Count > 10 ? $" and {rows.Count - 10} more" : string.Empty);
}
