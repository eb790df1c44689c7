using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SiddhiGen.Management;

/// <summary>The management endpoints' basic-auth check (the <c>http</c> source's rule): off unless enabled, then the exact credentials.</summary>
internal sealed class BasicAuthentication : IEndpointFilter
{
    private readonly byte[]? _expected;

    public BasicAuthentication(SiddhiManagementOptions options)
    {
        if (options.BasicAuthEnabled)
        {
            if (string.IsNullOrEmpty(options.Username))
            {
                throw new InvalidOperationException("The Siddhi management API has BasicAuthEnabled but no Username.");
            }

            _expected = Encoding.UTF8.GetBytes("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Username + ":" + (options.Password ?? string.Empty))));
        }
    }

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_expected is null)
        {
            return next(context);
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), _expected))
        {
            return next(context);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"SiddhiGen\"";
        return ValueTask.FromResult<object?>(Results.Unauthorized());
    }
}
