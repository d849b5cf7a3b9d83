using System.Net;

namespace ServerlessComplaints.LocalHost.Mail;

/// <summary>
/// The dev mailbox and the mail sink answer a loopback connection that names a loopback host only: a page on another
/// site that rebinds its DNS name to 127.0.0.1 sends its own name as <c>Host</c> and gets a 404, never the mail (which
/// holds action and status links).
/// </summary>
internal static class LoopbackOnly
{
    public static TBuilder RequireLoopback<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) => Allows(context.HttpContext) ? await next(context) : Results.NotFound());

    public static bool Allows(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote) && IsLoopbackHost(http.Request.Host.Host);

    // "localhost", an IPv4 loopback address, or [::1]; the port does not matter.
    private static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
