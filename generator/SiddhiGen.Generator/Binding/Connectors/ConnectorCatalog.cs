using System;
using System.Collections.Generic;
using System.Linq;

namespace SiddhiGen.Generator.Binding;

/// <summary>
/// The connector and mapper types SiddhiGen knows, with their parameters as the Siddhi extensions define
/// them (siddhi-io-* and siddhi-map-* API docs; see shared/connectors.md). A few SiddhiGen additions are
/// marked. The binder checks annotations against it at build time.
/// </summary>
internal static class ConnectorCatalog
{
    /// <summary>One parameter: its name and whether it must be given.</summary>
    internal sealed class Parameter
    {
        public Parameter(string name, bool mandatory = false, params string[] allowed)
        {
            Name = name;
            Mandatory = mandatory;
            Allowed = allowed;
        }

        public string Name { get; }

        public bool Mandatory { get; }

        /// <summary>The values it accepts (compared case-insensitively); empty for any.</summary>
        public string[] Allowed { get; }
    }

    /// <summary>A connector or mapper type with its parameters.</summary>
    internal sealed class Entry
    {
        public Entry(string type, bool implemented, IEnumerable<Parameter> parameters, params string[] parameterPrefixes)
        {
            Type = type;
            Implemented = implemented;
            Parameters = parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            ParameterPrefixes = parameterPrefixes;
        }

        public string Type { get; }

        /// <summary>False for types Siddhi has but SiddhiGen does not implement yet (SIDDHI001).</summary>
        public bool Implemented { get; }

        public Dictionary<string, Parameter> Parameters { get; }

        /// <summary>Families of parameters given by prefix (<c>regex.</c> of the text mapper, <c>ssl.</c>).</summary>
        public string[] ParameterPrefixes { get; }

        public bool Knows(string parameter) =>
            Parameters.ContainsKey(parameter) || ParameterPrefixes.Any(p => parameter.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }

    private static Parameter P(string name, params string[] allowed) => new(name, false, allowed);

    private static Parameter M(string name) => new(name, true);

    private static readonly Parameter[] s_sinkCommon = { P("on.error", "LOG", "WAIT", "STREAM", "STORE") };

    private static Entry Source(string type, params Parameter[] parameters) => new(type, true, parameters);

    private static Entry Sink(string type, params Parameter[] parameters) => new(type, true, parameters.Concat(s_sinkCommon));

    private static Entry Unimplemented(string type) => new(type, false, Array.Empty<Parameter>());

    /// <summary>The parameters of the http and http-service sources (siddhi-io-http 2.3.7), plus <paramref name="extra"/>.</summary>
    private static Parameter[] HttpReceiver(params Parameter[] extra) => new[]
    {
        P("receiver.url"), P("basic.auth.enabled", "true", "false"), P("worker.count"), P("socket.idle.timeout"),
        P("request.size.validation.configurations"), P("header.validation.configurations"), P("server.bootstrap.configurations"),
        P("trace.log.enabled", "true", "false"), P("tls.store.type"),

        // SiddhiGen: the server certificate of an https receiver.url (Siddhi takes its server's keystore) and
        // the credentials basic auth checks (Siddhi uses the server's user store).
        P("keystore.file"), P("keystore.password"), P("certificate.password"),
        P("basic.auth.username"), P("basic.auth.password"), P("max.request.size"),
    }.Concat(extra).ToArray();

    /// <summary>The parameters of the http and http-call sinks (siddhi-io-http 2.3.7), plus <paramref name="extra"/>.</summary>
    private static Parameter[] HttpPublisher(params Parameter[] extra) => new[]
    {
        M("publisher.url"), P("method"), P("headers"), P("basic.auth.username"),
        P("basic.auth.password"), P("basic.auth.enabled", "true", "false"), P("blocking.io", "true", "false"), P("socket.idle.timeout"),
        P("chunk.disabled", "true", "false"), P("consumer.key"), P("consumer.secret"), P("body.consumer.key"), P("body.consumer.secret"),
        P("token.url"), P("refresh.token"), P("oauth.username"), P("oauth.password"), P("oauth.scope"),
        P("https.truststore.file"), P("https.truststore.password"), P("https.keystore.file"), P("https.keystore.password"),
        P("https.keystore.key.password"), P("ssl.protocol"), P("ssl.verification.disabled", "true", "false"), P("tls.store.type"),
        P("ssl.configurations"), P("proxy.host"), P("proxy.port"), P("proxy.username"), P("proxy.password"),
        P("client.bootstrap.configurations"), P("max.pool.active.connections"), P("min.pool.idle.connections"),
        P("max.pool.idle.connections"), P("executor.service.threads"), P("min.evictable.idle.time"), P("time.between.eviction.runs"),
        P("max.wait.time"), P("test.on.borrow"), P("test.while.idle"), P("exhausted.action"), P("hostname.verification.enabled", "true", "false"),

        // SiddhiGen: retries of a failed request before on.error applies.
        P("retry.count"), P("retry.interval"),
    }.Concat(extra).ToArray();

    public static readonly Dictionary<string, Entry> Sources = new[]
    {
        Source("inMemory", M("topic")),
        Source(
            "file",
            P("file.uri"), P("dir.uri"), P("mode", "line", "text.full", "regex", "binary.full", "binary.chunked"), P("tailing", "true", "false"),
            P("action.after.process", "delete", "move", "keep", "none"), P("action.after.failure", "delete", "move", "keep", "none"), P("move.after.process"),
            P("move.if.exist.mode", "overwrite", "keep"), P("move.after.failure"), P("begin.regex"), P("end.regex"), P("file.polling.interval"),
            P("dir.polling.interval"), P("timeout"), P("file.read.wait.timeout"), P("header.present", "true", "false"), P("header.line.count"),
            P("read.only.header", "true", "false"), P("read.only.trailer", "true", "false"), P("skip.trailer", "true", "false"), P("buffer.size"),
            P("cron.expression"), P("file.name.pattern"), P("file.name.list"), P("file.system.options")),
        new Entry("http", true, HttpReceiver(), "ssl."),
        new Entry("http-service", true, HttpReceiver(M("source.id"), P("connection.timeout")), "ssl."),
        new Entry("http-request", true, HttpReceiver(M("source.id"), P("connection.timeout")), "ssl."),
        Source("http-call-response", M("sink.id"), P("http.status.code"), P("allow.streaming.responses", "true", "false")),
        Source("http-response", M("sink.id"), P("http.status.code"), P("allow.streaming.responses", "true", "false")),
        Source(
            "kafka",
            M("bootstrap.servers"), M("topic.list"), M("group.id"), M("threading.option"), P("partition.no.list"), P("seq.enabled", "true", "false"),
            P("is.binary.message", "true", "false"), P("topic.offsets.map"), P("enable.offsets.commit", "true", "false"),
            P("enable.async.commit", "true", "false"), P("optional.configuration")),

        // SiddhiGen: host and port are Siddhi system parameters (deployment.yaml); here they are options.
        Source("tcp", P("context"), P("host"), P("port"), P("max.message.size")),
        Source(
            "mqtt",
            M("url"), P("username"), P("password"), P("client.id"), M("topic"), P("quality.of.service", "0", "1", "2"),
            P("clean.session", "true", "false"), P("keep.alive"), P("connection.timeout")),
        Source(
            "rabbitmq",
            M("uri"), P("heartbeat"), M("exchange.name"), P("exchange.type", "direct", "fanout", "topic", "headers"),
            P("exchange.durable.enabled", "true", "false"), P("exchange.autodelete.enabled", "true", "false"), P("routing.key"), P("headers"),
            P("queue.name"), P("queue.durable.enabled", "true", "false"), P("queue.exclusive.enabled", "true", "false"),
            P("queue.autodelete.enabled", "true", "false"), P("tls.enabled", "true", "false"), P("tls.truststore.path"), P("tls.truststore.password"),
            P("tls.truststore.type"), P("tls.version"), P("auto.ack", "true", "false"), P("consumer.threadpool.size")),
        Unimplemented("email"), Unimplemented("cdc"), Unimplemented("jms"),
        Unimplemented("websocket"), Unimplemented("websocket-server"), Unimplemented("grpc"), Unimplemented("grpc-service"), Unimplemented("sqs"),
        Unimplemented("nats"), Unimplemented("googlepubsub"), Unimplemented("prometheus"), Unimplemented("fileeventlistener"),
    }.ToDictionary(e => e.Type, StringComparer.OrdinalIgnoreCase);

    public static readonly Dictionary<string, Entry> Sinks = new[]
    {
        Sink("log", P("priority", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "OFF"), P("prefix")),
        Sink("inMemory", M("topic")),
        Sink("file", M("file.uri"), P("append", "true", "false"), P("add.line.separator", "true", "false"), P("file.system.options")),
        Sink("http", HttpPublisher()),
        Sink("http-call", HttpPublisher(M("sink.id"), P("downloading.enabled", "true", "false"), P("download.path"))),
        Sink("http-request", HttpPublisher(M("sink.id"), P("downloading.enabled", "true", "false"), P("download.path"))),
        Sink("http-service-response", M("source.id"), M("message.id"), P("headers")),
        Sink("http-response", M("source.id"), M("message.id"), P("headers")),
        Sink(
            "kafka",
            M("bootstrap.servers"), M("topic"), P("partition.no"), P("key"), P("sequence.id"), P("is.binary.message", "true", "false"),
            P("is.synchronous", "true", "false"), P("optional.configuration")),
        Sink("tcp", M("url"), P("sync", "true", "false"), P("tcp.no.delay", "true", "false"), P("keep.alive", "true", "false"), P("worker.threads")),
        Sink(
            "mqtt",
            M("url"), P("username"), P("password"), P("client.id"), M("topic"), P("quality.of.service"), P("clean.session", "true", "false"),
            P("message.retain"), P("keep.alive"), P("connection.timeout")),
        Sink(
            "rabbitmq",
            M("uri"), P("heartbeat"), M("exchange.name"), P("exchange.type"), P("exchange.durable.enabled"), P("exchange.autodelete.enabled"),
            P("delivery.mode"), P("content.type"), P("content.encoding"), P("priority"), P("correlation.id"), P("reply.to"), P("expiration"),
            P("message.id"), P("timestamp"), P("type"), P("user.id"), P("app.id"), P("routing.key"), P("headers"), P("tls.enabled", "true", "false"),
            P("tls.truststore.path"), P("tls.truststore.password"), P("tls.truststore.type"), P("tls.version")),
        new Entry(
            "email",
            true,
            new[]
            {
                M("address"), P("username"), P("password"), P("host"), P("port"), P("ssl.enable", "true", "false"), P("auth", "true", "false"),
                P("content.type"), M("subject"), M("to"), P("cc"), P("bcc"), P("attachments"), P("connection.pool.size"),
            }.Concat(s_sinkCommon),
            "mail."),
        Unimplemented("jms"), Unimplemented("websocket"),
        Unimplemented("websocket-server"), Unimplemented("grpc"), Unimplemented("grpc-call"), Unimplemented("grpc-service-response"),
        Unimplemented("sqs"), Unimplemented("s3"), Unimplemented("gcs"), Unimplemented("prometheus"), Unimplemented("nats"),
        Unimplemented("googlepubsub"), Unimplemented("elasticsearch"),
    }.ToDictionary(e => e.Type, StringComparer.OrdinalIgnoreCase);

    public static readonly Dictionary<string, Entry> SourceMappers = new[]
    {
        Source("passThrough"),
        Source("json", P("enclosing.element"), P("fail.on.missing.attribute", "true", "false"), P("event.grouping.enabled", "true", "false")),
        Source("csv", P("delimiter"), P("header.present", "true", "false"), P("fail.on.unknown.attribute", "true", "false"), P("event.grouping.enabled", "true", "false")),
        new Entry("text", true, new[] { P("fail.on.missing.attribute", "true", "false"), P("event.grouping.enabled", "true", "false"), P("new.line.character") }, "regex."),
        Source("keyvalue", P("fail.on.missing.attribute", "true", "false"), P("implicit.cast.enable", "true", "false")),
        Source(
            "xml",
            P("namespaces"), P("enclosing.element"), P("enclosing.element.as.event", "true", "false"), P("fail.on.missing.attribute", "true", "false"),
            P("enable.streaming.xml.content", "true", "false"), P("extract.leaf.node.data", "true", "false")),
        Source("binary"),
        Source(
            "avro",
            P("schema.def"), P("schema.registry"), P("schema.id"), P("fail.on.missing.attribute", "true", "false"),
            P("use.avro.deserializer", "true", "false"), P("basic.auth.username"), P("basic.auth.password"), P("ssl.keystore.path"),
            P("ssl.keystore.password"), P("ssl.truststore.path"), P("ssl.truststore.password")),
        Unimplemented("protobuf"),
    }.ToDictionary(e => e.Type, StringComparer.OrdinalIgnoreCase);

    public static readonly Dictionary<string, Entry> SinkMappers = new[]
    {
        Source("passThrough"),
        Source("json", P("validate.json", "true", "false"), P("enclosing.element"), P("event.grouping.enabled", "true", "false"), P("enable.null.attribute.value", "true", "false")),
        Source("csv", P("delimiter"), P("header", "true", "false"), P("event.grouping.enabled", "true", "false")),
        Source("text", P("event.grouping.enabled", "true", "false"), P("delimiter"), P("new.line.character"), P("mustache.enabled", "true", "false")),
        Source("keyvalue"),
        Source("xml", P("validate.xml", "true", "false"), P("enclosing.element"), P("event.grouping.enabled", "true", "false")),
        Source("binary"),
        Source("avro", P("schema.def"), P("schema.registry"), P("schema.id"), P("use.avro.serializer", "true", "false")),
        Unimplemented("protobuf"),
    }.ToDictionary(e => e.Type, StringComparer.OrdinalIgnoreCase);
}
