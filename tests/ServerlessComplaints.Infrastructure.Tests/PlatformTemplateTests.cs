using System.Text.Json;
using ServerlessComplaints.Infrastructure.Tests.Bicep;

namespace ServerlessComplaints.Infrastructure.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class PlatformTemplateTests(CompiledTemplateFixture fixture)
{
    private static readonly string[] SecretMarkers = ["listKeys(", "listSecrets(", "AccountKey=", "SharedAccessSignature=", "InstrumentationKey="];

    [Fact]
    public void KeyVault_Authorization_RbacSoftDeletePurgeProtectionNoAccessPolicies()
    {
        var vault = fixture.Template.Single("Microsoft.KeyVault/vaults");

        var policies = vault.At("properties", "accessPolicies");

        Assert.True(vault.BoolAt("properties", "enableRbacAuthorization"));
        Assert.True(vault.BoolAt("properties", "enableSoftDelete"));
        Assert.True(vault.BoolAt("properties", "enablePurgeProtection"));
        Assert.True(policies is null || policies.Value.GetArrayLength() == 0);
    }

    [Fact]
    public void Monitoring_LocalAuth_DisabledForAppInsightsAndLogAnalytics()
    {
        var insights = fixture.Template.Single("Microsoft.Insights/components");
        var workspace = fixture.Template.Single("Microsoft.OperationalInsights/workspaces");

        Assert.True(insights.BoolAt("properties", "DisableLocalAuth"));
        Assert.NotNull(insights.StringAt("properties", "WorkspaceResourceId"));
        Assert.True(workspace.BoolAt("properties", "features", "disableLocalAuth"));
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts/blobServices/containers")] // Storage Blob Data Owner (evidence)
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts")] // Storage Queue Data Contributor
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts")] // Storage Table Data Contributor
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults")] // Key Vault Secrets User
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components")] // Monitoring Metrics Publisher
    public void RoleAssignment_AppIdentity_HasRoleOnResource(string roleId, string scopeType)
    {
        var assignments = fixture.Template.Resources("Microsoft.Authorization/roleAssignments").ToList();

        var assignment = Assert.Single(assignments, a => a.StringAt("properties", "roleDefinitionId")?.Contains(roleId, StringComparison.Ordinal) == true);

        Assert.Contains(scopeType, assignment.StringAt("scope"), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", assignment.StringAt("properties", "principalType"));
        // The principal is main.bicep's identity module output, passed into the RBAC module.
        Assert.Contains("'identity'", assignment.StringAt("properties", "principalId"), StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_EveryTemplate_ContainNoSecrets()
    {
        var outputs = fixture.Template.Scopes.SelectMany(s => s.Outputs.Select(o => (Where: $"{s.Name}:{o.Name}", Text: o.Value.GetRawText()))).ToList();

        Assert.Contains(outputs, o => o.Where == "main:AZURE_FUNCTION_APP_NAME");
        Assert.All(outputs, o => Assert.False(SecretMarkers.Any(m => o.Text.Contains(m, StringComparison.OrdinalIgnoreCase)), o.Where + " looks like a secret: " + o.Text));
        Assert.All(outputs, o => Assert.DoesNotContain("ConnectionString", o.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Outputs_Main_UpperSnakeNames()
    {
        var names = fixture.Template.Root.Outputs.Select(o => o.Name).ToList();

        Assert.Contains("AZURE_STORAGE_ACCOUNT_NAME", names);
        Assert.Contains("AZURE_KEY_VAULT_NAME", names);
        Assert.All(names, n => Assert.Matches("^[A-Z][A-Z0-9_]*$", n));
    }

    [Fact]
    public void Parameters_Defaults_ContainNoSecretsAndSecureOnesAreEmpty()
    {
        var parameters = fixture.Template.Scopes.SelectMany(s => s.Parameters.Select(p => (Where: $"{s.Name}:{p.Name}", p.Definition))).ToList();

        foreach (var (where, definition) in parameters.Where(p => p.Definition.TryGetProperty("defaultValue", out _)))
        {
            var text = definition.GetProperty("defaultValue").GetRawText();
            Assert.False(SecretMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)), where + " default looks like a secret: " + text);
            if (definition.GetProperty("type").GetString() == "securestring")
            {
                Assert.Equal(JsonValueKind.String, definition.GetProperty("defaultValue").ValueKind);
                Assert.Equal(string.Empty, definition.GetProperty("defaultValue").GetString());
            }
        }

        Assert.Contains(parameters, p => p.Definition.GetProperty("type").GetString() == "securestring");
    }

    [Fact]
    public void Template_Anywhere_NeverReadsStorageKeys()
    {
        var json = fixture.Template.Json;

        Assert.DoesNotContain("listKeys(", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", json, StringComparison.OrdinalIgnoreCase);
    }
}
