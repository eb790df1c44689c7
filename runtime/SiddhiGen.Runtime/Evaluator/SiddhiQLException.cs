using System.Collections.Immutable;
using SiddhiGen.Generator.Diagnostics;

namespace SiddhiGen.Runtime;

/// <summary>
/// SiddhiQL text given to a running app has errors: an on-demand query passed to <see cref="SiddhiApp.Query"/>, or the
/// condition an <c>expression</c>/<c>expressionBatch</c> window reads from an attribute. The errors are those the
/// generator reports for the same text (same IDs, same messages), located in that text.
/// </summary>
public sealed class SiddhiQLException : Exception
{
    public SiddhiQLException(string message, ImmutableArray<SiddhiQLError> errors)
        : base(message) => Errors = errors.IsDefault ? [] : errors;

    public SiddhiQLException(string message)
        : this(message, [])
    {
    }

    public SiddhiQLException()
        : this("The SiddhiQL text has errors.")
    {
    }

    public SiddhiQLException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>The diagnostics, in text order.</summary>
    public ImmutableArray<SiddhiQLError> Errors { get; }

    /// <summary>Describes <paramref name="diagnostics"/> found in <paramref name="text"/> (<paramref name="what"/>: "On-demand query", ...).</summary>
    internal static SiddhiQLException From(string what, string text, IEnumerable<DiagnosticInfo> diagnostics)
    {
        var errors = diagnostics
            .Where(d => d.IsError)
            .Select(d => new SiddhiQLError(d.Id, d.Message, d.Location?.Line ?? 1, d.Location?.Column ?? 1))
            .ToImmutableArray();
        var details = errors.IsEmpty ? "it could not be compiled" : string.Join("; ", errors);
        return new SiddhiQLException($"{what} '{text}' is not valid: {details}", errors);
    }
}

/// <summary>One error in SiddhiQL text: its diagnostic ID (<c>SIDDHI0xx</c>), message and 1-based position.</summary>
public sealed record SiddhiQLError(string Id, string Message, int Line, int Column)
{
    public override string ToString() => $"{Id}: {Message} (line {Line}, column {Column})";
}
