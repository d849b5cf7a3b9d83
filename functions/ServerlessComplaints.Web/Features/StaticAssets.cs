using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// The files under <c>Assets/</c>, embedded in this assembly and served by the app (never a CDN). Each answer carries
/// an ETag of its content, so a browser revalidating after the short cache time gets a 304, not the file again
/// (ECharts is over a megabyte).
/// </summary>
internal static class StaticAssets
{
    private static readonly Assembly Assembly = typeof(StaticAssets).Assembly;
    private static readonly ConcurrentDictionary<string, Asset?> Loaded = new(StringComparer.Ordinal);

    public static IResult Get(string path) =>
        Load(path.TrimStart('/')) is { } asset
            ? Results.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag)
            : Results.NotFound();

    /// <summary>A short hash of an asset's content, for a page to put in the asset's address (the address changes with the file).</summary>
    public static string VersionOf(string path) => Load(path.TrimStart('/'))?.Version ?? "";

    private static Asset? Load(string name) => Loaded.GetOrAdd(name, static n =>
    {
        using var stream = Assembly.GetManifestResourceStream(n);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var version = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        return new Asset(content, ContentTypeOf(n) + "; charset=utf-8", version, new EntityTagHeaderValue('"' + version + '"'));
    });

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript",
        ".css" => "text/css",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string Version, EntityTagHeaderValue ETag);
}
