using System.Net;

namespace ServerlessComplaints.Web.Staff.Oidc;

/// <summary>
/// Staff sign-in with the organisation's OpenID Connect provider (Entra ID, Keycloak, Okta, …) in the container host
/// (section <c>StaffOidc</c>). Empty: not offered. The sign-in name that must equal a staff directory email is
/// <see cref="NameClaim"/>: <c>email</c> (the default) counts only with <c>email_verified: true</c>; <c>preferred_username</c>
/// or <c>upn</c> only where the organisation assigns those names (Entra ID), since elsewhere a user may choose them.
/// </summary>
public sealed class StaffOidcOptions
{
    public const string SectionName = "StaffOidc";

    public const string Scheme = "StaffOidc";

    /// <summary>The redirect URI to register with the provider: <c>https://&lt;host&gt;/staff/sign-in/oidc</c>.</summary>
    public const string CallbackPath = "/staff/sign-in/oidc";

    public const string EmailClaim = "email";

    public static IReadOnlyList<string> NameClaims { get; } = [EmailClaim, "preferred_username", "upn"];

    /// <summary>The issuer's address; its discovery document is <c>&lt;Authority&gt;/.well-known/openid-configuration</c>.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>A secret: Key Vault or the environment (<c>StaffOidc__ClientSecret</c>), never a file in the repository.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Scopes asked for besides <c>openid profile email</c>, separated by spaces.</summary>
    public string Scopes { get; set; } = "";

    public string NameClaim { get; set; } = EmailClaim;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(ClientSecret);

    public IReadOnlyList<string> ExtraScopes => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Plain HTTP is for a provider on this computer in Development only (a test or a local Keycloak).</summary>
    public bool AllowsHttp(bool development) =>
        development && Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri);

    /// <summary>Problems with the settings, one message each naming the setting; empty when valid or not configured.</summary>
    public IReadOnlyList<string> Validate(bool development)
    {
        var errors = new List<string>();
        if (!IsConfigured)
        {
            return errors;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || !string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment)
            || !(authority.Scheme == Uri.UriSchemeHttps || AllowsHttp(development)))
        {
            errors.Add($"{SectionName}:Authority must be the provider's https address (its issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0); plain http only for a provider on this computer in Development.");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            errors.Add($"{SectionName}:ClientId must be the client id the provider gave this app.");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            errors.Add($"{SectionName}:ClientSecret must be set (env {SectionName}__ClientSecret, or Key Vault): the app is a confidential client.");
        }

        if (!NameClaims.Contains(NameClaim, StringComparer.Ordinal))
        {
            errors.Add($"{SectionName}:NameClaim must be one of {string.Join(", ", NameClaims)} (email counts only when email_verified is true).");
        }

        // RFC 6749 scope-token: printable ASCII except space, quote and backslash.
        if (ExtraScopes.Any(scope => scope.Any(c => c < 0x21 || c > 0x7E || c is '"' or '\\')))
        {
            errors.Add($"{SectionName}:Scopes must be scope names separated by spaces.");
        }

        return errors;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
