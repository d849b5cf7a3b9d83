using Microsoft.AspNetCore.Http;

namespace ServerlessComplaints.Web.Staff;

/// <summary>
/// The Functions app's organisation sign-in: App Service authentication signs the person in with Entra ID
/// (<c>/.auth/login/aad</c>), then sends the browser to <c>/staff/sign-in/platform</c>, where the ID token the platform
/// forwards from its token store (<c>X-MS-TOKEN-AAD-ID-TOKEN</c>) is validated by the host's <see cref="IStaffSignIn"/>
/// — never the principal header — and the staff session is issued.
/// </summary>
public sealed class AppServiceSignIn(bool isOffered) : IOrganisationSignIn
{
    public const string LoginPath = "/.auth/login/aad";

    public const string CallbackPath = "/staff/sign-in/platform";

    public bool IsOffered => isOffered;

    public Task<IResult> StartAsync(HttpContext http, string language, string returnUrl)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Task.FromResult(Results.Redirect(LoginPath + "?post_login_redirect_uri=" + Uri.EscapeDataString(Callback(language, returnUrl))));
    }

    /// <summary>The platform route with the page's language and where to go afterwards (a relative URI: the platform accepts it as is).</summary>
    public static string Callback(string language, string returnUrl) =>
        $"{CallbackPath}?lang={Uri.EscapeDataString(language)}&{StaffReturnUrl.QueryName}={Uri.EscapeDataString(returnUrl)}";
}
