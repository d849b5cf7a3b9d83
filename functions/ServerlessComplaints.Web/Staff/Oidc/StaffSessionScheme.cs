using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServerlessComplaints.Web.Staff.Oidc;

/// <summary>
/// The OpenID Connect handler's sign-in scheme in name only: <see cref="StaffOidcEvents"/> issues the
/// <see cref="StaffSessions"/> cookie itself and ends the request, so nothing is ever signed in here. Registered so the
/// handler has a sign-in scheme other than itself and ASP.NET Core does not make the one OIDC scheme everyone's default
/// (which would run it, and through its sign-in scheme itself again, on every request).
/// </summary>
internal sealed class StaffSessionScheme(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "StaffSession";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
}
