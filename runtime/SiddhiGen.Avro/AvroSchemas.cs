using Avro;
using SiddhiGen.Runtime;
using SiddhiGen.Runtime.Connectors;
using SiddhiGen.Runtime.Connectors.Mapping;

namespace SiddhiGen.Avro;

/// <summary>
/// The record schema of an avro mapper: <c>schema.def</c> (the schema as JSON), or, as in Siddhi, a flat record
/// named after the stream with one field per attribute (string, int, long, float, double, boolean). The schema
/// registry (<c>schema.registry</c>, <c>schema.id</c>) is rejected at build time (SIDDHI001).
/// </summary>
internal static class AvroSchemas
{
    public static RecordSchema For(MapperContext context)
    {
        if (context.Options.Get("schema.registry") is { Length: > 0 })
        {
            throw new ConnectorConfigurationException($"The avro mapper of '{context.Schema.Name}': schema.registry is not supported yet; give the schema in schema.def.");
        }

        var json = context.Options.Get("schema.def") ?? Generate(context.Schema);
        Schema schema;
        try
        {
            schema = Schema.Parse(json);
        }
        catch (AvroException ex)
        {
            throw new ConnectorConfigurationException($"The schema.def of the avro mapper of '{context.Schema.Name}' is not an Avro schema: {ex.Message}", ex);
        }

        return schema as RecordSchema
            ?? throw new ConnectorConfigurationException($"The schema.def of the avro mapper of '{context.Schema.Name}' must be a record schema, not {schema.Tag}.");
    }

    private static string Generate(StreamSchema stream)
    {
        var fields = stream.Attributes.Select(a => $$"""{"name":"{{a.Name}}","type":"{{AvroType(a)}}"}""");
        return $$"""{"type":"record","name":"{{stream.Name}}","fields":[{{string.Join(",", fields)}}]}""";
    }

    private static string AvroType(StreamAttribute attribute) => attribute.Type switch
    {
        SiddhiType.String => "string",
        SiddhiType.Int => "int",
        SiddhiType.Long => "long",
        SiddhiType.Float => "float",
        SiddhiType.Double => "double",
        SiddhiType.Bool => "boolean",
        _ => throw new ConnectorConfigurationException($"Attribute '{attribute.Name}' is an object, for which no Avro schema can be generated; give schema.def."),
    };
}
