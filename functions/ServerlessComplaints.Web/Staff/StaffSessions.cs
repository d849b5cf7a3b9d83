using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using ServerlessComplaints.Workflow.Assessment;

namespace ServerlessComplaints.Web.Staff;

/// <summary>
/// The staff pages' session: a data-protected ticket (staff id + time issued) in an HttpOnly, SameSite=Lax cookie,
/// Secure on HTTPS, read and written by the route handlers themselves, so it works the same in LocalHost and in the
/// Functions app (which runs no ASP.NET Core authentication middleware). Every way of signing in ends here: staff key,
/// Development's one-click, OpenID Connect, App Service authentication. The identity is looked up in the staff
/// directory on every request: a member removed from the directory is signed out at once. Sliding expiry: a ticket
/// older than half its lifetime is issued again. The key ring is shared by every instance (<c>SharedKeyRing</c>).
/// </summary>
public sealed class StaffSessions(IDataProtectionProvider protection, StaffDirectory directory, TimeProvider time, IHostEnvironment environment)
{
    public const string CookieName = "sc_staff";

    /// <summary>How long a session lasts without a request.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);

    private readonly IDataProtector _protector = protection.CreateProtector("ServerlessComplaints.Web.Staff.StaffSessions.v1");

    /// <summary>The signed-in staff member of this request, or null; renews the cookie when half its lifetime has passed.</summary>
    public StaffMember? Current(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } ticket)
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(ticket);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // tampered, or protected with a key this host no longer has
        }

        var parts = payload.Split('|');
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            return null;
        }

        var age = time.GetUtcNow().UtcDateTime - new DateTime(ticks, DateTimeKind.Utc);
        if (age < TimeSpan.Zero || age >= Lifetime || directory.Find(parts[0]) is not { } member)
        {
            return null;
        }

        if (age >= Lifetime / 2)
        {
            SignIn(http, member);
        }

        return member;
    }

    public void SignIn(HttpContext http, StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(member);
        var ticket = _protector.Protect(member.Id + "|" + time.GetUtcNow().UtcDateTime.Ticks.ToString(CultureInfo.InvariantCulture));
        http.Response.Cookies.Append(CookieName, ticket, Options(http, time.GetUtcNow().Add(Lifetime)));
    }

    public static void SignOut(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(CookieName, Options(http, null));
    }

    /// <summary>
    /// "Sign in as" without a key: only in Development, only for a request from a loopback address that also names a
    /// loopback host (so a forwarded or rebound request is refused).
    /// </summary>
    public bool DevSignInAllowed(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return environment.IsDevelopment()
            && http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            && IsLoopbackHost(http.Request.Host.Host);
    }

    public IReadOnlyList<StaffMember> Directory => directory.All;

    private static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static CookieOptions Options(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        // Lax, not Strict: a sign-in that comes back from the identity provider, and a staff link opened from a mail,
        // are navigations another site started, on which a Strict cookie is withheld (the person would look signed
        // out). Lax still withholds it from other sites' posts, and every form checks an antiforgery token anyway.
        SameSite = SameSiteMode.Lax,
        Secure = http.Request.IsHttps,
        Path = "/",
        IsEssential = true,
        Expires = expires,
    };
}
