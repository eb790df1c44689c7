using Microsoft.CodeAnalysis;

namespace SiddhiGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic SiddhiGen reports, ordered by ID. Ranges: 001–009 general, 010–029 syntax,
/// 030–079 meaning (names, types, definitions, queries), 080–099 annotations and connectors.
/// Each ID is listed in AnalyzerReleases.Unshipped.md and has a test.
/// </summary>
public static class DiagnosticDescriptors
{
    private const string Category = "SiddhiGen";

    /// <summary>The one ID for language that parses and binds but has no runtime yet.</summary>
    public static readonly DiagnosticDescriptor NotSupportedYet = Error(
        "SIDDHI001", "Construct not supported yet", "'{0}' is not supported yet");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        "SIDDHI002", "The generator failed on this file", "SiddhiGen could not compile this app: {0}");

    public static readonly DiagnosticDescriptor SyntaxError = Error(
        "SIDDHI010", "Syntax error", "{0}");

    public static readonly DiagnosticDescriptor IntegerLiteralOutOfRange = Error(
        "SIDDHI011", "Integer literal out of range", "Integer literal '{0}' is out of range");

    public static readonly DiagnosticDescriptor UnexpectedCharacter = Error(
        "SIDDHI012", "Unexpected character", "Unexpected character '{0}'");

    public static readonly DiagnosticDescriptor UnterminatedLiteral = Error(
        "SIDDHI013", "Unterminated literal", "Unterminated {0}: expected a closing {1}");

    public static readonly DiagnosticDescriptor DefinitionAfterQuery = Error(
        "SIDDHI014", "Definition after a query", "The definition of {0} '{1}' must come before all queries and partitions");

    public static readonly DiagnosticDescriptor AppWithoutDefinition = Error(
        "SIDDHI015", "App without a definition", "A Siddhi app needs at least one definition (define stream, table, window, trigger, function or aggregation)");

    public static readonly DiagnosticDescriptor NestingTooDeep = Error(
        "SIDDHI016", "Nesting too deep", "{0} nested too deeply (more than {1} levels)");

    public static readonly DiagnosticDescriptor BareOuterJoin = Error(
        "SIDDHI017", "Bare outer join", "'outer join' needs a side: use 'left outer join', 'right outer join' or 'full outer join'");

    public static readonly DiagnosticDescriptor UnsupportedAggregationDuration = Error(
        "SIDDHI018", "Unsupported aggregation duration", "'{0}' is not an aggregation duration; use sec, min, hour, day, month or year");

    public static readonly DiagnosticDescriptor UnaryOperatorNotSupported = Error(
        "SIDDHI019", "Unary minus or plus", "SiddhiQL has no unary '{0}': write '0 {0} x' instead of '{0}x' (only numeric literals may carry a sign)");

    public static readonly DiagnosticDescriptor UndefinedStream = Error(
        "SIDDHI030", "Undefined stream", "Stream '{0}' is not defined");

    public static readonly DiagnosticDescriptor UndefinedAttribute = Error(
        "SIDDHI031", "Undefined attribute", "Attribute '{0}' is not defined in {1}");

    public static readonly DiagnosticDescriptor DuplicateDefinition = Error(
        "SIDDHI032", "Duplicate definition", "'{0}' is already defined");

    public static readonly DiagnosticDescriptor DuplicateAttribute = Error(
        "SIDDHI033", "Duplicate attribute", "Attribute '{0}' appears more than once in {1}");

    public static readonly DiagnosticDescriptor OperatorTypeMismatch = Error(
        "SIDDHI034", "Operator type mismatch", "Operator '{0}' cannot be applied to {1} and {2}");

    public static readonly DiagnosticDescriptor ConditionNotBool = Error(
        "SIDDHI035", "Condition is not bool", "The {0} must be a bool expression, but it is {1}");

    public static readonly DiagnosticDescriptor MissingAlias = Error(
        "SIDDHI036", "Selected expression needs a name", "The selected expression '{0}' needs a name: write '{0} as name'");

    public static readonly DiagnosticDescriptor OutputSchemaMismatch = Error(
        "SIDDHI037", "Query output does not match the stream", "Query '{0}' selects ({1}), but stream '{2}' is ({3})");

    public static readonly DiagnosticDescriptor UnknownWindow = Error(
        "SIDDHI038", "Unknown window", "Window '{0}' does not exist");

    public static readonly DiagnosticDescriptor WrongParameters = Error(
        "SIDDHI039", "Wrong parameters", "{0} takes {1}");

    public static readonly DiagnosticDescriptor UnknownFunction = Error(
        "SIDDHI040", "Unknown function", "Function '{0}' does not exist{1}");

    public static readonly DiagnosticDescriptor DuplicateQueryName = Error(
        "SIDDHI041", "Duplicate query name", "A query named '{0}' already exists");

    public static readonly DiagnosticDescriptor AggregatorNotAllowed = Error(
        "SIDDHI042", "Aggregator not allowed here", "Aggregator '{0}' cannot be used in a {1}");

    public static readonly DiagnosticDescriptor NotAnOutputAttribute = Error(
        "SIDDHI043", "Not an output attribute", "'{0}' in '{1}' is not an attribute of the query's output");

    public static readonly DiagnosticDescriptor InvalidConstant = Error(
        "SIDDHI044", "Invalid constant", "{0} must be {1}");

    public static readonly DiagnosticDescriptor InvalidQuery = Error(
        "SIDDHI046", "Invalid query", "{0}");

    public static readonly DiagnosticDescriptor AmbiguousAttribute = Error(
        "SIDDHI047", "Ambiguous attribute", "Attribute '{0}' exists in both '{1}' and '{2}': qualify it, e.g. '{2}.{0}'");

    public static readonly DiagnosticDescriptor UnknownKeyAttribute = Error(
        "SIDDHI048", "Unknown attribute in an annotation", "@{0} names '{1}', which is not an attribute of {2} '{3}'");

    public static readonly DiagnosticDescriptor DuplicateAnnotation = Error(
        "SIDDHI049", "Duplicate annotation", "Annotation @{0} appears more than once on {1} '{2}'");

    public static readonly DiagnosticDescriptor NotAStream = Error(
        "SIDDHI050", "Not a stream", "'{0}' is {1}, but {2} needs a stream");

    public static readonly DiagnosticDescriptor TableSchemaMismatch = Error(
        "SIDDHI051", "Query output does not match the table", "Query '{0}' selects ({1}), but table '{2}' is ({3})");

    public static readonly DiagnosticDescriptor NotATableAttribute = Error(
        "SIDDHI052", "Selected attribute not in the table", "Query '{0}' selects '{1}', which is not an attribute of table '{2}' (write a 'set' clause, or select only table attributes)");

    public static readonly DiagnosticDescriptor NotATable = Error(
        "SIDDHI053", "Not a table", "'{0}' is not a table: {1} needs a table");

    public static readonly DiagnosticDescriptor NotIncrementalAggregator = Error(
        "SIDDHI054", "Not an incremental aggregator", "'{0}' cannot be used in aggregation '{1}': use sum, count, avg, min, max, distinctCount or a function");

    public static readonly DiagnosticDescriptor InvalidAggregationTimestamp = Error(
        "SIDDHI055", "Invalid aggregation timestamp", "The 'aggregate by' attribute '{0}' must be long or string, but it is {1}");

    public static readonly DiagnosticDescriptor InvalidAggregationDurations = Error(
        "SIDDHI056", "Invalid aggregation durations", "The aggregation durations '{0} ... {1}' must run from the finer to the coarser");

    public static readonly DiagnosticDescriptor RetentionForMissingDuration = Error(
        "SIDDHI057", "Retention for a missing granularity", "Aggregation '{0}' cannot purge {1}: it does not aggregate per {1}");

    public static readonly DiagnosticDescriptor RetentionTooShort = Error(
        "SIDDHI058", "Retention too short", "The {0} retention '{1}' of aggregation '{2}' is too short: it must be at least {3}");

    public static readonly DiagnosticDescriptor PartitionByIdNotAvailable = Error(
        "SIDDHI059", "Distributed aggregation not available", "@PartitionById needs a 'shardId' configuration, which SiddhiGen does not have: remove it or write @PartitionById(enable='false')");

    public static readonly DiagnosticDescriptor AggregationNeedsWithinPer = Error(
        "SIDDHI060", "Aggregation read without within/per", "{0} aggregation '{1}' needs {2}");

    public static readonly DiagnosticDescriptor InvalidAggregationPer = Error(
        "SIDDHI061", "Invalid per granularity", "'{0}' is not a granularity: 'per' takes seconds, minutes, hours, days, months or years (or sec, min, h, ...)");

    public static readonly DiagnosticDescriptor InvalidAggregationRange = Error(
        "SIDDHI062", "Invalid within/per value", "The '{0}' value must be {1}, but it is {2}");

    public static readonly DiagnosticDescriptor StaticJoin = Error(
        "SIDDHI063", "Join of two stores", "Both sides of the join ('{0}' and '{1}') are tables or aggregations: one side must be a stream or a window");

    public static readonly DiagnosticDescriptor InnerStreamOutsidePartition = Error(
        "SIDDHI064", "Inner stream outside a partition", "Inner stream '#{0}' exists only inside a partition");

    public static readonly DiagnosticDescriptor UndefinedInnerStream = Error(
        "SIDDHI065", "Undefined inner stream", "Inner stream '#{0}' is not defined in this partition");

    public static readonly DiagnosticDescriptor UndefinedEventReference = Error(
        "SIDDHI066", "Undefined event reference", "'{0}' is not an event or stream of this {1}");

    public static readonly DiagnosticDescriptor PerNotAggregated = Warning(
        "SIDDHI070", "Granularity not aggregated", "Aggregation '{0}' does not aggregate per {1}: it aggregates per {2}, so every read fails at run time");

    public static readonly DiagnosticDescriptor InvalidAggregationTime = Error(
        "SIDDHI071", "Invalid aggregation time", "'{0}' is not {1}");

    public static readonly DiagnosticDescriptor AggregationStoreInMemory = Warning(
        "SIDDHI072", "Aggregation store kept in memory", "Aggregation '{0}' keeps its buckets in memory: @store(type='{1}') on an aggregation is not supported yet");

    public static readonly DiagnosticDescriptor InvalidAnnotation = Error(
        "SIDDHI080", "Invalid annotation", "{0}");

    public static readonly DiagnosticDescriptor UnknownSinkType = Error(
        "SIDDHI081", "Unknown sink type", "Sink type '{0}' does not exist");

    public static readonly DiagnosticDescriptor UnknownSourceType = Error(
        "SIDDHI082", "Unknown source type", "Source type '{0}' does not exist");

    public static readonly DiagnosticDescriptor UnknownMapperType = Error(
        "SIDDHI083", "Unknown mapper type", "Mapper type '{0}' does not exist for a {1}");

    public static readonly DiagnosticDescriptor MissingConnectorParameter = Error(
        "SIDDHI084", "Missing connector parameter", "Parameter '{1}' is required by {0}");

    public static readonly DiagnosticDescriptor UnknownConnectorParameter = Warning(
        "SIDDHI085", "Unknown connector parameter", "'{0}' is not a parameter of {1} (known: {2}); it is ignored");

    public static readonly DiagnosticDescriptor UnknownMappedAttribute = Error(
        "SIDDHI086", "Unknown attribute in a mapping", "Attribute '{0}' in {1} is not an attribute of stream '{2}'");

    public static readonly DiagnosticDescriptor InvalidConnectorParameterValue = Error(
        "SIDDHI087", "Invalid connector parameter value", "Parameter '{0}' of {1} must be {2}, not '{3}'");

    public static readonly DiagnosticDescriptor ConflictingConnectorParameters = Error(
        "SIDDHI088", "Conflicting connector parameters", "The {0} needs exactly one of '{1}' and '{2}'");

    public static readonly DiagnosticDescriptor UndefinedFaultStream = Error(
        "SIDDHI089", "Undefined fault stream", "Fault stream '!{0}' is not defined: add @OnError(action='STREAM') to stream '{0}'");

    public static readonly DiagnosticDescriptor MissingStoreConnection = Error(
        "SIDDHI074", "Store without a database", "@store(type='rdbms') on table '{0}' needs exactly one of jdbc.url and datasource");

    public static readonly DiagnosticDescriptor UnsupportedJdbcUrl = Error(
        "SIDDHI075", "Unsupported JDBC URL", "jdbc.url '{0}' of table '{1}' is not supported: use jdbc:sqlite:FILE, jdbc:postgresql://host:port/db, or datasource='NAME' for another ADO.NET provider");

    public static readonly DiagnosticDescriptor UnstorableAttribute = Error(
        "SIDDHI076", "Attribute a store cannot hold", "Attribute '{0}' of table '{1}' is an object: an rdbms store holds string, int, long, float, double and bool attributes");

    public static readonly DiagnosticDescriptor InvalidFieldLength = Error(
        "SIDDHI077", "Invalid field.length", "field.length entry '{0}' of table '{1}' must be 'attribute:length' with an attribute of the table and a positive length");

    public static readonly DiagnosticDescriptor InvalidExtension = Error(
        "SIDDHI090", "Invalid C# extension", "Extension '{0}' ({1}) cannot be used from SiddhiQL: {2}");

    public static readonly DiagnosticDescriptor ScriptingNotReferenced = Error(
        "SIDDHI091", "Script functions need SiddhiGen.Scripting", "Function '{0}' is written in JavaScript, which runs on Jint: add a reference to the SiddhiGen.Scripting package");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
