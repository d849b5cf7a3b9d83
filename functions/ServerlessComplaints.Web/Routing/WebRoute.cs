using Microsoft.AspNetCore.Http;

namespace ServerlessComplaints.Web.Routing;

/// <summary>What a route answers with: it decides the security headers and whether the public limit applies.</summary>
public enum RouteKind
{
    /// <summary>An HTML page (page CSP, no-store).</summary>
    Page,

    /// <summary>JSON, a problem or a download (nothing may load or frame it, no-store).</summary>
    Api,

    /// <summary>A static asset: the only cacheable answers.</summary>
    Asset,
}

/// <summary>
/// One HTTP entry point both hosts serve: LocalHost maps it, the Functions app declares a trigger of the same name,
/// route template and methods (routePrefix is "" in host.json). Templates carry no leading slash, as Functions routes.
/// </summary>
public sealed record WebRoute(string Name, IReadOnlyList<string> Methods, string Template, RouteKind Kind, Func<RouteRequest, Task<IResult>> Handler)
{
    /// <summary>Public routes are limited per client (<c>RateLimits:PublicPerMinute</c>) before anything else runs.</summary>
    public bool RateLimited { get; init; }

    public static WebRoute Get(string name, string template, RouteKind kind, Func<RouteRequest, Task<IResult>> handler) =>
        new(name, [HttpMethods.Get], template, kind, handler);

    public static WebRoute Post(string name, string template, RouteKind kind, Func<RouteRequest, Task<IResult>> handler) =>
        new(name, [HttpMethods.Post], template, kind, handler);

    public bool Allows(string method) => Methods.Any(m => HttpMethods.Equals(m, method));
}
