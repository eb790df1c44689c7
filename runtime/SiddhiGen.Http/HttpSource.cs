using Microsoft.AspNetCore.Http;
using SiddhiGen.Runtime.Connectors;

namespace SiddhiGen.Http;

/// <summary>
/// <c>@source(type='http', receiver.url='http(s)://host:port/path', basic.auth.enabled='false', @map(...))</c> on
/// Kestrel (listener, TLS, auth and the 405/401/413/503 answers: <see cref="HttpReceiver"/>). An unknown path
/// gets 404, an empty body or one the mapper cannot read 400 (and the stream's error policy), an accepted
/// request 200 with an empty body.
/// </summary>
public sealed class HttpSource : HttpReceiver
{
    protected override Task RespondAsync(HttpContext http, byte[] body, Dictionary<string, string?> transport)
    {
        var result = Context.Deliver(new SourceMessage(new ReadOnlyMemory<byte>(body), transport));
        http.Response.StatusCode = result switch
        {
            DeliveryResult.Invalid => StatusCodes.Status400BadRequest,
            DeliveryResult.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status200OK,
        };
        return Task.CompletedTask;
    }
}
