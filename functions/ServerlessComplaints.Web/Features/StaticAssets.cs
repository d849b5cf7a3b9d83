using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace ServerlessComplaints.Web.Features;

/// <summary>The files under <c>Assets/</c>, embedded in this assembly and served by the app (never a CDN).</summary>
internal static class StaticAssets
{
    private static readonly Assembly Assembly = typeof(StaticAssets).Assembly;

    public static IResult Get(string path)
    {
        var name = path.TrimStart('/');
        using var stream = Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return Results.NotFound();
        }

        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), ContentTypeOf(name) + "; charset=utf-8");
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript",
        ".css" => "text/css",
        _ => "application/octet-stream",
    };
}
