using System.Text.Json;
using ServerlessComplaints.Infrastructure.Tests.Bicep;

namespace ServerlessComplaints.Infrastructure.Tests;

/// <summary>Staff identity in the compiled template: the app gets its tenant and app registration and validates tokens itself.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class StaffIdentityTemplateTests(CompiledTemplateFixture fixture)
{
    [Fact]
    public void AppSettings_StaffIdentity_CarryTheAuthParameters()
    {
        var settings = AppSettings();

        Assert.Equal("[parameters('authClientId')]", settings["StaffIdentity__ClientId"]);
        Assert.Equal("[parameters('authTenantId')]", settings["StaffIdentity__TenantId"]);
        Assert.Equal("[environment().authentication.loginEndpoint]", settings["StaffIdentity__Instance"]);
        Assert.All(fixture.Template.ModuleArguments("authClientId"), value => Assert.Equal("[parameters('authClientId')]", value.GetString()));
    }

    [Fact]
    public void AppSettings_FirstDeploymentWithoutAppRegistration_ClientIdEmptySoTheAppClosesStaffRoutes()
    {
        var api = fixture.Template.Scopes.Single(s => s.Name == "main/api");
        using var expression = JsonDocument.Parse("\"[parameters('authClientId')]\"");

        var clientId = api.Resolve(expression.RootElement);

        Assert.Equal(JsonValueKind.String, clientId.ValueKind);
        Assert.Equal("", clientId.GetString());
    }

    [Fact]
    public void Template_NothingTrustsPrincipalHeaders()
    {
        var settings = AppSettings();

        Assert.DoesNotContain(settings, s => s.Key.Contains("Principal", StringComparison.OrdinalIgnoreCase)
            || s.Value.Contains("CLIENT-PRINCIPAL", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("CLIENT-PRINCIPAL", fixture.Template.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void StaffAuthentication_TokenStore_EnabledSoTheIdTokenReachesTheApp()
    {
        var auth = AuthSettings();

        Assert.True(auth.BoolAt("properties", "login", "tokenStore", "enabled"));
    }

    [Fact]
    public void StaffAuthentication_PublicRoutes_StayAnonymous()
    {
        var auth = AuthSettings();

        Assert.False(auth.BoolAt("properties", "globalValidation", "requireAuthentication"));
        Assert.Equal("AllowAnonymous", auth.StringAt("properties", "globalValidation", "unauthenticatedClientAction"));
    }

    [Fact]
    public void StaffAuthentication_Audiences_ClientIdAndApplicationIdUri()
    {
        var audiences = AuthSettings().At("properties", "identityProviders", "azureActiveDirectory", "validation", "allowedAudiences");

        Assert.NotNull(audiences);
        var values = audiences.Value.EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("[parameters('clientId')]", values);
        Assert.Contains("[format('api://{0}', parameters('clientId'))]", values);
    }

    private TemplateResource AuthSettings() =>
        fixture.Template.Resources("Microsoft.Web/sites/config")
            .Single(c => c.StringAt("name")?.Contains("authsettingsV2", StringComparison.Ordinal) == true);

    private Dictionary<string, string> AppSettings()
    {
        var config = fixture.Template.Resources("Microsoft.Web/sites/config")
            .Single(c => c.StringAt("name")?.Contains("appsettings", StringComparison.Ordinal) == true);
        var properties = config.At("properties");

        Assert.True(properties is { ValueKind: JsonValueKind.Object }, "appsettings properties did not resolve to an object.");
        return properties.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal);
    }
}
