// The few Roslyn types the generator's parser, binder and diagnostics use, so their source compiles into the
// runtime (see SiddhiGen.Runtime.csproj, "One grammar") without a reference to Microsoft.CodeAnalysis. Only the
// members that source calls exist here, with Roslyn's meaning; all types are internal.
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace Microsoft.CodeAnalysis.Text
{
    /// <summary>A range of characters: <see cref="Start"/> and <see cref="Length"/> (Roslyn's <c>TextSpan</c>).</summary>
    [DebuggerDisplay("[{Start}..{End})")]
    internal readonly struct TextSpan : IEquatable<TextSpan>, IComparable<TextSpan>
    {
        public TextSpan(int start, int length)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(start);
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            Start = start;
            Length = length;
        }

        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        public bool IsEmpty => Length == 0;

        public static TextSpan FromBounds(int start, int end)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
            return new TextSpan(start, end - start);
        }

        public bool Contains(int position) => unchecked((uint)(position - Start)) < (uint)Length;

        public bool Contains(TextSpan span) => span.Start >= Start && span.End <= End;

        public static bool operator ==(TextSpan left, TextSpan right) => left.Equals(right);

        public static bool operator !=(TextSpan left, TextSpan right) => !left.Equals(right);

        public bool Equals(TextSpan other) => Start == other.Start && Length == other.Length;

        public override bool Equals(object? obj) => obj is TextSpan other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(Start, Length);

        public int CompareTo(TextSpan other)
        {
            var diff = Start - other.Start;
            return diff != 0 ? diff : Length - other.Length;
        }

        public override string ToString() => $"[{Start}..{End})";
    }

    /// <summary>A 0-based line and character (Roslyn's <c>LinePosition</c>).</summary>
    internal readonly record struct LinePosition(int Line, int Character)
    {
        public override string ToString() => Line.ToString(CultureInfo.InvariantCulture) + "," + Character.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A range between two line positions (Roslyn's <c>LinePositionSpan</c>).</summary>
    internal readonly record struct LinePositionSpan(LinePosition Start, LinePosition End)
    {
        public override string ToString() => "(" + Start + ")-(" + End + ")";
    }

    /// <summary>Text with its line starts (Roslyn's <c>SourceText</c>): only what locating a diagnostic needs.</summary>
    internal sealed class SourceText
    {
        private readonly string _text;

        private SourceText(string text)
        {
            _text = text;
            Lines = new TextLineCollection(text);
        }

        public int Length => _text.Length;

        public TextLineCollection Lines { get; }

        public static SourceText From(string text) => new(text ?? string.Empty);

        public override string ToString() => _text;

        public string ToString(TextSpan span) => _text.Substring(span.Start, span.Length);
    }

    /// <summary>The lines of a <see cref="SourceText"/>: line breaks are CR, LF or CRLF, as in Roslyn.</summary>
    internal sealed class TextLineCollection
    {
        /// <summary>The position where each line starts, first line at 0.</summary>
        private readonly int[] _starts;

        public TextLineCollection(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                    starts.Add(i + 1);
                }
                else if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
                {
                    starts.Add(i + 1);
                }
            }

            _starts = starts.ToArray();
        }

        public int Count => _starts.Length;

        public LinePosition GetLinePosition(int position)
        {
            var index = Array.BinarySearch(_starts, position);
            var line = index >= 0 ? index : ~index - 1;
            return new LinePosition(line, position - _starts[line]);
        }

        public LinePositionSpan GetLinePositionSpan(TextSpan span) => new(GetLinePosition(span.Start), GetLinePosition(span.End));
    }
}

namespace Microsoft.CodeAnalysis
{
    /// <summary>How severe a diagnostic is (Roslyn's values).</summary>
    internal enum DiagnosticSeverity
    {
        Hidden = 0,
        Info = 1,
        Warning = 2,
        Error = 3,
    }

    /// <summary>A message format that may be localized (here: always the invariant text).</summary>
    internal sealed class LocalizableString
    {
        private readonly string _text;

        public LocalizableString(string text) => _text = text;

        public string ToString(IFormatProvider? formatProvider) => _text;

        public override string ToString() => _text;

        public static implicit operator LocalizableString(string text) => new(text);
    }

    /// <summary>What a diagnostic is: its ID, title, message format and severity (Roslyn's <c>DiagnosticDescriptor</c>).</summary>
    [DebuggerDisplay("{Id}: {Title}")]
    internal sealed class DiagnosticDescriptor : IEquatable<DiagnosticDescriptor>
    {
        public DiagnosticDescriptor(
            string id,
            string title,
            string messageFormat,
            string category,
            DiagnosticSeverity defaultSeverity,
            bool isEnabledByDefault,
            string? description = null,
            string? helpLinkUri = null,
            params string[] customTags)
        {
            Id = id;
            Title = title;
            MessageFormat = messageFormat;
            Category = category;
            DefaultSeverity = defaultSeverity;
            IsEnabledByDefault = isEnabledByDefault;
            Description = description ?? string.Empty;
            HelpLinkUri = helpLinkUri ?? string.Empty;
            CustomTags = customTags;
        }

        public string Id { get; }

        public LocalizableString Title { get; }

        public LocalizableString MessageFormat { get; }

        public string Category { get; }

        public DiagnosticSeverity DefaultSeverity { get; }

        public bool IsEnabledByDefault { get; }

        public LocalizableString Description { get; }

        public string HelpLinkUri { get; }

        public IReadOnlyList<string> CustomTags { get; }

        public bool Equals(DiagnosticDescriptor? other) =>
            other is not null && Id == other.Id && Category == other.Category && DefaultSeverity == other.DefaultSeverity
            && MessageFormat.ToString() == other.MessageFormat.ToString() && Title.ToString() == other.Title.ToString();

        public override bool Equals(object? obj) => Equals(obj as DiagnosticDescriptor);

        public override int GetHashCode() => HashCode.Combine(Id, MessageFormat.ToString());
    }

    /// <summary>Where a diagnostic points (Roslyn's <c>Location</c>): a file, a span and its line positions.</summary>
    internal sealed class Location
    {
        private Location(string? filePath, TextSpan sourceSpan, LinePositionSpan lineSpan)
        {
            FilePath = filePath;
            SourceSpan = sourceSpan;
            LineSpan = lineSpan;
        }

        /// <summary>No location.</summary>
        public static Location None { get; } = new(null, default, default);

        public string? FilePath { get; }

        public TextSpan SourceSpan { get; }

        public LinePositionSpan LineSpan { get; }

        public static Location Create(string filePath, TextSpan textSpan, LinePositionSpan lineSpan) => new(filePath, textSpan, lineSpan);

        public override string ToString() =>
            FilePath is null ? "None" : $"{FilePath}({LineSpan.Start.Line + 1},{LineSpan.Start.Character + 1})";
    }

    /// <summary>A reported diagnostic (Roslyn's <c>Diagnostic</c>).</summary>
    internal sealed class Diagnostic
    {
        private readonly object?[] _arguments;

        private Diagnostic(DiagnosticDescriptor descriptor, Location location, object?[] arguments)
        {
            Descriptor = descriptor;
            Location = location;
            _arguments = arguments;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public string Id => Descriptor.Id;

        public Location Location { get; }

        public DiagnosticSeverity Severity => Descriptor.DefaultSeverity;

        public static Diagnostic Create(DiagnosticDescriptor descriptor, Location? location, params object?[]? messageArgs) =>
            new(descriptor, location ?? Location.None, messageArgs ?? []);

        public string GetMessage(IFormatProvider? formatProvider = null) =>
            string.Format(formatProvider ?? CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(formatProvider), _arguments);

        public override string ToString() => $"{Location}: {Id}: {GetMessage(CultureInfo.InvariantCulture)}";
    }
}
