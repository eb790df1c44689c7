using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SiddhiGen.Management;

/// <summary>
/// The page: static files embedded in this assembly (wwwroot/), no CDN, so it works offline. It reads the
/// REST API relative to its own address.
/// </summary>
internal static class ManagementPage
{
    private static readonly Dictionary<string, string> s_types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    public static void Map(RouteGroupBuilder group)
    {
        // Routing treats "/siddhi" and "/siddhi/" alike; the page needs the slash so its relative addresses resolve under the prefix.
        group.MapGet("/", (HttpContext context) => context.Request.Path.Value?.EndsWith('/') == true
            ? File("index.html")
            : Results.Redirect(context.Request.PathBase + context.Request.Path + "/"));
        group.MapGet("/ui/{file}", (string file) => File(file));
    }

    private static IResult File(string name)
    {
        var stream = typeof(ManagementPage).Assembly.GetManifestResourceStream("SiddhiGen.Management.wwwroot." + name);
        return stream is null || !s_types.TryGetValue(Path.GetExtension(name), out var type)
            ? Results.NotFound()
            : Results.Stream(stream, type);
    }
}
