using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SiddhiGen.Generator.Binding;
using SiddhiGen.Generator.Model;

namespace SiddhiGen.Generator.Emit;

/// <summary>
/// Writes the creation of a stream's sources and sinks in the app constructor: a runtime
/// <c>ConnectorSpec</c> with the annotation's options, and for json and csv mappers with the default
/// mapping a typed reader or writer (a static local function over the event struct), so mapping does
/// not box. Other mappers are created by name from the runtime's registry.
/// </summary>
internal static class ConnectorEmitter
{
    private const string Connectors = AppEmitter.Runtime + ".Connectors";
    private const string Mapping = Connectors + ".Mapping";

    public static void Emit(SourceWriter w, AppSpec app, ConnectorSpec connector)
    {
        var stream = app.Streams.First(s => s.Name == connector.StreamName);
        var index = 0;
        for (var i = 0; i < app.Connectors.Count; i++)
        {
            if (ReferenceEquals(app.Connectors[i], connector) || app.Connectors[i] == connector)
            {
                index = i;
                break;
            }
        }

        var isSource = connector.Kind == ConnectorKind.Source;
        var onError = connector.Options.FirstOrDefault(o => o.Key == ConnectorBinder.OnErrorOption)?.Value;
        var options = connector.Options.Where(o => o.Key != ConnectorBinder.OnErrorOption).ToList();
        var typed = isSource ? TypedSourceMapper(stream, connector, index) : TypedSinkMapper(stream, connector, index);

        if (index > 0)
        {
            w.WriteLine();
        }

        w.WriteLine("// " + Describe(connector));
        w.WriteLine($"AddComponent({Connectors}.ConnectorFactory.{(isSource ? "Source" : "Sink")}(");
        w.WriteLine($"    this, {AppEmitter.StreamField(stream)}, {stream.EventTypeName}.FromRow, static e => e.ToRow(),");
        var mapper = connector.Map;
        var last = typed is null && onError is null ? "));" : ",";
        w.WriteLine($"    new {Connectors}.ConnectorSpec({SourceWriter.StringLiteral(connector.Type)}, {Pairs(options)}, new {Connectors}.MapperSpec(" +
            $"{SourceWriter.StringLiteral(mapper.Type)}, {Pairs(mapper.Options)}, {Pairs(mapper.Attributes)}, {Pairs(mapper.Payload)})){last}");
        if (typed is not null)
        {
            w.WriteLine($"    mapper: {typed.Value.Factory}{(onError is null ? "));" : ",")}");
        }

        if (onError is not null)
        {
            w.WriteLine($"    onError: {SourceWriter.StringLiteral(onError)}));");
        }

        typed?.WriteFunction(w);
    }

    /// <summary>A readable one-line form of the annotation for the comment above its creation.</summary>
    private static string Describe(ConnectorSpec connector)
    {
        var parts = new List<string> { "type='" + connector.Type + "'" };
        parts.AddRange(connector.Options.Where(o => o.Key != ConnectorBinder.OnErrorOption).Select(o => o.Key + "='" + OneLine(o.Value) + "'"));
        parts.Add("@map(type='" + connector.Map.Type + "'" + (connector.Map.Attributes.Count + connector.Map.Payload.Count > 0 ? ", ..." : string.Empty) + ")");
        return "@" + (connector.Kind == ConnectorKind.Source ? "source" : "sink") + "(" + string.Join(", ", parts) + ")";
    }

    private static string OneLine(string value)
    {
        var line = value.Replace("\r", " ").Replace("\n", " ");
        return line.Length > 60 ? line.Substring(0, 57) + "..." : line;
    }

    private static string Pairs(IEnumerable<OptionSpec> options)
    {
        var items = options.Select(o => $"new({SourceWriter.StringLiteral(o.Key)}, {SourceWriter.StringLiteral(o.Value)})").ToList();
        return items.Count == 0 ? "[]" : "[" + string.Join(", ", items) + "]";
    }

    private readonly struct TypedMapper
    {
        public TypedMapper(string factory, Action<SourceWriter> writeFunction)
        {
            Factory = factory;
            WriteFunction = writeFunction;
        }

        public string Factory { get; }

        public Action<SourceWriter> WriteFunction { get; }
    }

    private static TypedMapper? TypedSourceMapper(StreamSpec stream, ConnectorSpec connector, int index)
    {
        var map = connector.Map;
        var type = stream.EventTypeName;
        if (map.Type == "json")
        {
            var enclosing = map.Options.FirstOrDefault(o => o.Key == "enclosing.element")?.Value;
            if (map.Attributes.Count > 0 || (enclosing is not null && enclosing != "$"))
            {
                return null; // custom mapping: JSONPath over a parsed document, by name at run time
            }

            var name = stream.PropertyName + "JsonReader" + index.ToString(CultureInfo.InvariantCulture);
            return new TypedMapper(
                $"static context => new {Mapping}.JsonSourceMapper<{type}>(context, {name})",
                w => WriteJsonReader(w, stream, name));
        }

        if (map.Type == "csv")
        {
            var columns = CsvColumns(stream, map.Attributes);
            if (columns is null)
            {
                return null;
            }

            var name = stream.PropertyName + "CsvReader" + index.ToString(CultureInfo.InvariantCulture);
            return new TypedMapper(
                $"static context => new {Mapping}.CsvSourceMapper<{type}>(context, {name}, {type}.FromRow)",
                w => WriteCsvReader(w, stream, name, columns));
        }

        return null;
    }

    private static TypedMapper? TypedSinkMapper(StreamSpec stream, ConnectorSpec connector, int index)
    {
        var map = connector.Map;
        var type = stream.EventTypeName;
        if (map.Type == "json" && map.Payload.Count == 0)
        {
            var name = stream.PropertyName + "JsonWriter" + index.ToString(CultureInfo.InvariantCulture);
            return new TypedMapper(
                $"static context => new {Mapping}.JsonSinkMapper<{type}>(context, {name}, static e => e.ToRow())",
                w => WriteJsonWriter(w, stream, name));
        }

        if (map.Type == "csv")
        {
            var order = Enumerable.Range(0, stream.Attributes.Count).ToList();
            if (map.Payload.Count > 0)
            {
                order = map.Payload
                    .Select(p => (Position: int.Parse(p.Value.Trim(), CultureInfo.InvariantCulture), Attribute: IndexOf(stream, p.Key)))
                    .OrderBy(p => p.Position)
                    .Select(p => p.Attribute)
                    .ToList();
            }

            var name = stream.PropertyName + "CsvWriter" + index.ToString(CultureInfo.InvariantCulture);
            return new TypedMapper(
                $"static context => new {Mapping}.CsvSinkMapper<{type}>(context, {name}, static e => e.ToRow())",
                w => WriteCsvWriter(w, stream, name, order));
        }

        return null;
    }

    private static int IndexOf(StreamSpec stream, string attribute)
    {
        for (var i = 0; i < stream.Attributes.Count; i++)
        {
            if (stream.Attributes[i].Name == attribute)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The column of each attribute (position, or @attributes index); null when a mapping is not a column.</summary>
    private static int[]? CsvColumns(StreamSpec stream, EquatableArray<OptionSpec> attributes)
    {
        var columns = Enumerable.Range(0, stream.Attributes.Count).ToArray();
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            var target = attribute.Key.Length == 0 ? i : IndexOf(stream, attribute.Key);
            if (target < 0 || !int.TryParse(attribute.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var column))
            {
                return null;
            }

            columns[target] = column;
        }

        return columns;
    }

    private static void WriteJsonReader(SourceWriter w, StreamSpec stream, string name)
    {
        w.WriteLine();
        w.WriteComment($"Reads one '{stream.Name}' event from a JSON object, property by property, without boxing.");
        w.OpenBlock($"static {stream.EventTypeName} {name}(ref global::System.Text.Json.Utf8JsonReader reader, {Mapping}.JsonEventContext context)");
        var attributes = stream.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            w.WriteLine($"{TypeNames.Nullable(attributes[i].Type)} a{i} = null;");
            w.WriteLine($"var has{i} = false;");
        }

        w.OpenBlock("while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)");
        for (var i = 0; i < attributes.Count; i++)
        {
            var a = attributes[i];
            w.OpenBlock($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({SourceWriter.StringLiteral(a.Name)}u8))");
            w.WriteLine("reader.Read();");
            w.WriteLine($"a{i} = {Mapping}.JsonValues.Read{JsonReadSuffix(a.Type)}(ref reader, {SourceWriter.StringLiteral(a.Name)});");
            w.WriteLine($"has{i} = true;");
            w.CloseBlock();
        }

        if (attributes.Count > 0)
        {
            w.OpenBlock("else");
        }

        w.WriteLine("reader.Read();");
        w.WriteLine("reader.Skip();");
        if (attributes.Count > 0)
        {
            w.CloseBlock();
        }

        w.CloseBlock();
        for (var i = 0; i < attributes.Count; i++)
        {
            w.WriteLine($"if (!has{i}) context.Missing({SourceWriter.StringLiteral(attributes[i].Name)});");
        }

        w.WriteLine($"return new {stream.EventTypeName}({string.Join(", ", Enumerable.Range(0, attributes.Count).Select(i => "a" + i.ToString(CultureInfo.InvariantCulture)))});");
        w.CloseBlock();
    }

    private static void WriteJsonWriter(SourceWriter w, StreamSpec stream, string name)
    {
        w.WriteLine();
        w.WriteComment($"Writes one '{stream.Name}' event as a JSON object, without boxing.");
        w.OpenBlock($"static void {name}(global::System.Text.Json.Utf8JsonWriter writer, in {stream.EventTypeName} e)");
        w.WriteLine("writer.WriteStartObject();");
        foreach (var a in stream.Attributes)
        {
            w.WriteLine($"{Mapping}.JsonValues.Write(writer, {SourceWriter.StringLiteral(a.Name)}u8, e.{a.PropertyName});");
        }

        w.WriteLine("writer.WriteEndObject();");
        w.CloseBlock();
    }

    private static void WriteCsvReader(SourceWriter w, StreamSpec stream, string name, int[] columns)
    {
        w.WriteLine();
        w.WriteComment($"Reads one '{stream.Name}' event from a CSV line, parsing fields in place.");
        var args = stream.Attributes.Select((a, i) =>
            $"record.Get{CsvSuffix(a.Type)}({columns[i].ToString(CultureInfo.InvariantCulture)}, {SourceWriter.StringLiteral(a.Name)})");
        w.WriteLine($"static {stream.EventTypeName} {name}({Mapping}.CsvRecord record) => new({string.Join(", ", args)});");
    }

    private static void WriteCsvWriter(SourceWriter w, StreamSpec stream, string name, List<int> order)
    {
        w.WriteLine();
        w.WriteComment($"Writes one '{stream.Name}' event as CSV fields, in output order.");
        w.OpenBlock($"static void {name}({Mapping}.CsvRecordWriter writer, in {stream.EventTypeName} e)");
        foreach (var i in order)
        {
            w.WriteLine($"writer.Write(e.{stream.Attributes[i].PropertyName});");
        }

        w.CloseBlock();
    }

    private static string JsonReadSuffix(AttributeType type) => type switch
    {
        AttributeType.String => "String",
        AttributeType.Int => "Int",
        AttributeType.Long => "Long",
        AttributeType.Float => "Float",
        AttributeType.Double => "Double",
        AttributeType.Bool => "Bool",
        _ => "Object",
    };

    private static string CsvSuffix(AttributeType type) => JsonReadSuffix(type);
}
