namespace SiddhiGen.Runtime.Connectors;

/// <summary>What happens to an event that fails (Siddhi's <c>@OnError(action=...)</c> and sink <c>on.error</c>).</summary>
public enum ErrorAction
{
    /// <summary>Log the error with the event, count it, and drop the event (the default).</summary>
    Log,

    /// <summary>Send the event to the fault stream <c>!S</c> with the exception in <c>_error</c>.</summary>
    Stream,

    /// <summary>Sinks only: keep retrying until the event is published (back-pressure on the app).</summary>
    Wait,
}

/// <summary>Parses error actions as written in annotations.</summary>
public static class ErrorActions
{
    public static ErrorAction Parse(string? value, string owner, bool allowWait)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case null or "" or "LOG":
                return ErrorAction.Log;
            case "STREAM":
                return ErrorAction.Stream;
            case "WAIT" when allowWait:
                return ErrorAction.Wait;
            default:
                throw new ConnectorConfigurationException(
                    $"The error action of {owner} must be {(allowWait ? "LOG, WAIT or STREAM" : "LOG or STREAM")}, not '{value}'.");
        }
    }
}

/// <summary>
/// A message a source received could not be turned into events: malformed JSON/CSV/XML, a value of
/// the wrong type, a missing attribute. It carries the payload so the error policy can show it.
/// </summary>
public sealed class MappingException : Exception
{
    public MappingException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>The message as received (text, or a description of a binary payload), when known.</summary>
    public string? Payload { get; internal set; }

    public override string ToString() => Payload is null ? base.ToString() : base.ToString() + Environment.NewLine + "Payload: " + Payload;
}

/// <summary>A sink could not publish (connection refused, HTTP error status, broker unavailable).</summary>
public sealed class PublishException(string message, Exception? inner = null) : Exception(message, inner);
