namespace ServerlessComplaints.Functions.Hosting;

/// <summary>
/// The Entra ID app registration staff sign in with (section <c>StaffIdentity</c>; in Azure the app settings
/// <c>StaffIdentity__TenantId</c> and <c>StaffIdentity__ClientId</c>, set by Bicep from AUTH_CLIENT_ID). An empty
/// <see cref="ClientId"/> means staff sign-in is not configured: staff routes stay closed.
/// </summary>
public sealed class StaffIdentityOptions
{
    public const string SectionName = "StaffIdentity";

    public const string PublicCloudInstance = "https://login.microsoftonline.com/";

    /// <summary>The Entra ID sign-in endpoint of the cloud (Bicep passes <c>environment().authentication.loginEndpoint</c>).</summary>
    public string Instance { get; set; } = PublicCloudInstance;

    /// <summary>The directory (tenant) id, a GUID: only tokens this tenant issued are accepted.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>The app registration's application (client) id, a GUID; tokens must be addressed to it.</summary>
    public string ClientId { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The tenant's v2.0 authority: issuer of ID tokens and v2 access tokens.</summary>
    public string Authority => $"{Instance.TrimEnd('/')}/{TenantId}/v2.0";

    public string MetadataAddress => Authority + "/.well-known/openid-configuration";

    /// <summary>
    /// The tenant's v2.0 issuer, and its v1 issuer for access tokens of registrations left at version 1 (public cloud
    /// form only; elsewhere set the registration's <c>requestedAccessTokenVersion</c> to 2).
    /// </summary>
    public IReadOnlyList<string> ValidIssuers => [Authority, $"https://sts.windows.net/{TenantId}/"];

    /// <summary>ID tokens and v2 access tokens carry the client id; v1 access tokens the Application ID URI.</summary>
    public IReadOnlyList<string> ValidAudiences => [ClientId, "api://" + ClientId];

    /// <summary>Problems with the settings, one message each; empty when valid (an empty ClientId is valid: sign-in off).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IsConfigured)
        {
            return errors;
        }

        if (!Guid.TryParse(ClientId, out _))
        {
            errors.Add($"{SectionName}:ClientId must be the app registration's application (client) id, a GUID (not api://…).");
        }

        if (!Guid.TryParse(TenantId, out _))
        {
            errors.Add($"{SectionName}:TenantId must be the directory (tenant) id, a GUID, when ClientId is set.");
        }

        if (!Uri.TryCreate(Instance, UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps || instance.AbsolutePath != "/")
        {
            errors.Add($"{SectionName}:Instance must be an https sign-in endpoint such as {PublicCloudInstance}.");
        }

        return errors;
    }
}
