using Microsoft.AspNetCore.Http;

namespace ServerlessComplaints.Web.Staff;

/// <summary>
/// Sign-in with the organisation's account, as the host offers it: OpenID Connect in the container host
/// (<see cref="Oidc.OidcOrganisationSignIn"/>), App Service authentication in the Functions app
/// (<see cref="AppServiceSignIn"/>). The sign-in page links to <c>/staff/sign-in/organisation</c> when
/// <see cref="IsOffered"/>; whichever way it comes back, it ends in the same <see cref="StaffSessions"/> cookie.
/// </summary>
public interface IOrganisationSignIn
{
    bool IsOffered { get; }

    /// <summary>Sends the browser to the identity provider; <paramref name="returnUrl"/> is a local path.</summary>
    Task<IResult> StartAsync(HttpContext http, string language, string returnUrl);
}
