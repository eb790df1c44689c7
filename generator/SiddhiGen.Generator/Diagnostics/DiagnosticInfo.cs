using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SiddhiGen.Generator.Diagnostics;

/// <summary>
/// A diagnostic as data: its descriptor, where it points and its message arguments (strings only),
/// so equal problems compare equal and the pipeline caches.
/// </summary>
public sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs) =>
        new(descriptor, location, new EquatableArray<string>(messageArgs.ToImmutableArray()));

    public string Id => Descriptor.Id;

    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    /// <summary>The formatted message, e.g. <c>Stream 'Foo' is not defined</c>.</summary>
    public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), MessageArgs.AsArray().Cast<object>().ToArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, MessageArgs.AsArray().Cast<object>().ToArray());

    public override string ToString() =>
        Location is null ? $"{Id}: {Message}" : $"{Location.FilePath}({Location.Line},{Location.Column}): {Id}: {Message}";
}
