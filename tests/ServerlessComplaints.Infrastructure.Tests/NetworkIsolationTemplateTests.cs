using ServerlessComplaints.Infrastructure.Tests.Bicep;

namespace ServerlessComplaints.Infrastructure.Tests;

/// <summary>
/// Storage and Key Vault are reachable only as needed: by default (networkIsolation) no public endpoint, private
/// endpoints in a VNet the Flex Consumption app is integrated with; without it, public endpoints with Entra ID only.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class NetworkIsolationTemplateTests(CompiledTemplateFixture fixture)
{
    private const string DeploymentType = "Microsoft.Resources/deployments";
    private const string Condition = "[parameters('networkIsolation')]";

    [Fact]
    public void NetworkIsolation_Default_OnAndDocumented()
    {
        var parameter = fixture.Template.Root.Template.GetProperty("parameters").GetProperty("networkIsolation");

        Assert.True(parameter.GetProperty("defaultValue").GetBoolean());
        Assert.Contains("False: public endpoints", parameter.GetProperty("metadata").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("${NETWORK_ISOLATION=true}", File.ReadAllText(RepositoryFiles.PathOf("infra/main.parameters.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts")]
    [InlineData("Microsoft.KeyVault/vaults")]
    public void PublicEndpoint_Isolated_DisabledAndFirewallDenies_OpenOtherwise(string type)
    {
        var resource = fixture.Template.Single(type);

        var access = resource.StringAt("properties", "publicNetworkAccess");
        var defaultAction = resource.StringAt("properties", "networkAcls", "defaultAction");

        Assert.Equal("Disabled", TemplateExpression.Choose(access, condition: true));
        Assert.Equal("Deny", TemplateExpression.Choose(defaultAction, condition: true));
        Assert.Equal("Enabled", TemplateExpression.Choose(access, condition: false));
        Assert.Equal("Allow", TemplateExpression.Choose(defaultAction, condition: false));
        Assert.Equal("AzureServices", resource.StringAt("properties", "networkAcls", "bypass"));
        // The module's switch is main.bicep's parameter, whose default is on.
        Assert.Equal(System.Text.Json.JsonValueKind.True, resource.Scope.Resolve(Parameter("networkIsolation")).ValueKind);
    }

    [Fact]
    public void PrivateEndpoints_Isolated_BlobQueueTableAndVaultEachWithItsDnsZone()
    {
        var storageLinks = Deployment("storage-{0}-endpoint");
        var vaultLink = Deployment("key-vault-endpoint");
        var services = fixture.Template.Root.Template.GetProperty("variables").GetProperty("storagePrivateLinks").EnumerateArray().Select(s => s.GetString());

        Assert.Equal(["blob", "queue", "table"], services);
        Assert.Equal(Condition, storageLinks.GetProperty("condition").GetString());
        Assert.Equal(Condition, vaultLink.GetProperty("condition").GetString());
        Assert.Contains("privatelink.{0}.{1}", ArgumentOf(storageLinks, "dnsZoneName"), StringComparison.Ordinal);
        Assert.Equal("vault", ArgumentOf(vaultLink, "groupId"));
        Assert.Contains("privatelink.vaultcore.", ArgumentOf(vaultLink, "dnsZoneName"), StringComparison.Ordinal);
        foreach (var kind in new[] { "Microsoft.Network/privateEndpoints", "Microsoft.Network/privateDnsZones", "Microsoft.Network/privateDnsZones/virtualNetworkLinks", "Microsoft.Network/privateEndpoints/privateDnsZoneGroups" })
        {
            Assert.Equal(2, fixture.Template.Resources(kind).Count()); // the storage loop's module and the vault's
        }
    }

    [Fact]
    public void FunctionApp_Isolated_IntegratedWithTheDelegatedAppSubnet()
    {
        var vnet = fixture.Template.Single("Microsoft.Network/virtualNetworks");
        var site = fixture.Template.Single("Microsoft.Web/sites");
        var subnets = vnet.At("properties", "subnets")!.Value.EnumerateArray().ToList();

        var appSubnet = Assert.Single(subnets, s => s.GetProperty("name").GetString() == "[variables('appSubnetName')]");
        var delegation = appSubnet.GetProperty("properties").GetProperty("delegations")[0].GetProperty("properties").GetProperty("serviceName").GetString();

        Assert.Equal("Microsoft.App/environments", delegation);
        Assert.Equal("app", vnet.Scope.Template.GetProperty("variables").GetProperty("appSubnetName").GetString());
        Assert.Equal(Condition, Deployment("network").GetProperty("condition").GetString());
        Assert.Contains("'network'", site.Scope.Resolve(Parameter("virtualNetworkSubnetId")).GetString(), StringComparison.Ordinal);
        Assert.Contains("appSubnetId", site.Scope.Resolve(Parameter("virtualNetworkSubnetId")).GetString(), StringComparison.Ordinal);
        Assert.Contains("virtualNetworkSubnetId", site.Body.GetProperty("properties").GetRawText(), StringComparison.Ordinal);
    }

    private static System.Text.Json.JsonElement Parameter(string name) =>
        System.Text.Json.JsonDocument.Parse($"\"[parameters('{name}')]\"").RootElement;

    private static string? ArgumentOf(System.Text.Json.JsonElement deployment, string parameter) =>
        deployment.GetProperty("properties").GetProperty("parameters").GetProperty(parameter).GetProperty("value").GetString();

    private System.Text.Json.JsonElement Deployment(string nameContains) =>
        fixture.Template.Resources(DeploymentType).Select(d => d.Body)
            .Single(d => d.GetProperty("name").GetString()!.Contains(nameContains, StringComparison.Ordinal));
}
