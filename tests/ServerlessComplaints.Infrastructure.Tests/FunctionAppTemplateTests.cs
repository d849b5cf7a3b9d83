using System.Text.Json;
using ServerlessComplaints.Infrastructure.Tests.Bicep;

namespace ServerlessComplaints.Infrastructure.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class FunctionAppTemplateTests(CompiledTemplateFixture fixture)
{
    private const string UserAssignedIdentityResourceId = "userAssignedIdentityResourceId";

    [Fact]
    public void Plan_Sku_FlexConsumptionFc1()
    {
        var plan = fixture.Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.StringAt("sku", "name"));
        Assert.Equal("FlexConsumption", plan.StringAt("sku", "tier"));
    }

    [Fact]
    public void Site_Runtime_DotnetIsolated10()
    {
        var site = fixture.Template.Single("Microsoft.Web/sites");

        Assert.Equal("dotnet-isolated", site.StringAt("properties", "functionAppConfig", "runtime", "name"));
        Assert.Equal("10.0", site.StringAt("properties", "functionAppConfig", "runtime", "version"));
    }

    [Fact]
    public void Site_Identity_AppIdentityForKeyVaultDeploymentIdentityForThePackage()
    {
        var site = fixture.Template.Single("Microsoft.Web/sites");

        var identityId = site.StringAt("properties", "keyVaultReferenceIdentity");
        var deploymentIdentityId = site.StringAt("properties", "functionAppConfig", "deployment", "storage", "authentication", UserAssignedIdentityResourceId);

        Assert.Equal("UserAssigned", site.StringAt("identity", "type"));
        Assert.Contains("'identity'", identityId, StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", site.StringAt("properties", "functionAppConfig", "deployment", "storage", "authentication", "type"));
        Assert.Contains("'deployment-identity'", deploymentIdentityId, StringComparison.Ordinal);
        Assert.True(site.BoolAt("properties", "httpsOnly"));
    }

    [Fact]
    public void AppSettings_Storage_ManagedIdentityWithServiceUris()
    {
        var settings = AppSettings();

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("identityClientId", settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.EndsWith(".primaryEndpoints.blob]", settings["AzureWebJobsStorage__blobServiceUri"], StringComparison.Ordinal);
        Assert.EndsWith(".primaryEndpoints.queue]", settings["AzureWebJobsStorage__queueServiceUri"], StringComparison.Ordinal);
        Assert.EndsWith(".primaryEndpoints.table]", settings["AzureWebJobsStorage__tableServiceUri"], StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_Storage_NoConnectionStringOrKey()
    {
        var settings = AppSettings();

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain(settings, s => s.Value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
            || s.Value.Contains("listKeys(", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("SendGrid__ApiKey", "SendGrid-ApiKey")]
    [InlineData("Security__StatusLinkKey", "Security-StatusLinkKey")]
    [InlineData("InboundEmail__Secret", "InboundEmail-Secret")]
    public void AppSettings_Secret_IsKeyVaultReference(string setting, string secretName)
    {
        var value = AppSettings()[setting];

        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};", value, StringComparison.Ordinal);
        Assert.Contains($"SecretName={secretName})'", value, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_ActionTokenKey_IsKeyVaultReferenceUnderActiveKeyId()
    {
        var settings = AppSettings();

        var key = Assert.Single(settings, s => s.Key.Contains("ActionTokens__Keys__", StringComparison.Ordinal));

        Assert.Contains("@Microsoft.KeyVault(", key.Value, StringComparison.Ordinal);
        Assert.Contains("parameters('actionTokenKeyId')", key.Key, StringComparison.Ordinal);
        Assert.Contains("ActionTokens__ActiveKeyId", settings.Keys);
    }

    [Fact]
    public void AppSettings_Telemetry_EntraIdIngestion()
    {
        var settings = AppSettings();

        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", settings.Keys);
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_OpenTelemetry_AzureMonitorFromTheDeployedInsightsNoOtlp()
    {
        var settings = AppSettings();

        Assert.Contains("Microsoft.Insights/components", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.EndsWith(".ConnectionString]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.Equal("serverless-complaints", settings["OTEL_SERVICE_NAME"]);
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("OTEL_EXPORTER_OTLP", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    public void AppSettings_FlexConsumption_OmitsSettingsThePlanRejects(string setting)
    {
        var settings = AppSettings();

        Assert.DoesNotContain(setting, settings.Keys);
    }

    [Fact]
    public void StaffAuthentication_EntraId_ValidatesTokensWithoutForcingSignIn()
    {
        var auth = fixture.Template.Resources("Microsoft.Web/sites/config")
            .Single(c => c.StringAt("name")?.Contains("authsettingsV2", StringComparison.Ordinal) == true);
        var module = fixture.Template.Resources("Microsoft.Resources/deployments")
            .Single(d => d.StringAt("name") == "api-staff-auth");

        Assert.True(auth.BoolAt("properties", "platform", "enabled"));
        Assert.True(auth.BoolAt("properties", "identityProviders", "azureActiveDirectory", "enabled"));
        // Public routes stay anonymous; the app validates the staff token itself on staff routes.
        Assert.False(auth.BoolAt("properties", "globalValidation", "requireAuthentication"));
        Assert.Equal("AllowAnonymous", auth.StringAt("properties", "globalValidation", "unauthenticatedClientAction"));
        // Without an app registration (authClientId, set after the first deployment) the module is skipped and the app closes staff routes.
        Assert.Equal("[not(empty(parameters('authClientId')))]", module.StringAt("condition"));
    }

    /// <summary>The app settings object main.bicep passes to the function app module, by setting name.</summary>
    private Dictionary<string, string> AppSettings()
    {
        var config = fixture.Template.Resources("Microsoft.Web/sites/config")
            .Single(c => c.StringAt("name")?.Contains("appsettings", StringComparison.Ordinal) == true);
        var properties = config.At("properties");

        Assert.True(properties is { ValueKind: JsonValueKind.Object }, "appsettings properties did not resolve to an object.");
        return properties.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal);
    }
}
