using System.Text.Json;
using ServerlessComplaints.Infrastructure.Tests.Bicep;

namespace ServerlessComplaints.Infrastructure.Tests;

/// <summary>
/// Blob roles per container, never on the whole account: evidence (Owner, for legal-hold tags), the host's and
/// Durable's containers (Contributor), the code package (Contributor, deployment identity only).
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class StorageRoleScopeTests(CompiledTemplateFixture fixture)
{
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string ContainerScope = "[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('storageAccountName'), 'default', ";

    [Fact]
    public void BlobRoles_Everywhere_ScopedToOneContainerNeverTheAccount()
    {
        var blobRoles = Assignments().Where(a => HasRole(a, BlobDataOwner) || HasRole(a, BlobDataContributor)).ToList();

        Assert.Equal(3, blobRoles.Count);
        Assert.All(blobRoles, a => Assert.StartsWith(ContainerScope, a.StringAt("scope"), StringComparison.Ordinal));
    }

    [Fact]
    public void EvidenceContainer_AppIdentity_BlobDataOwner()
    {
        var owner = Assert.Single(Assignments(), a => HasRole(a, BlobDataOwner));

        Assert.EndsWith("parameters('evidenceContainerName'))]", owner.StringAt("scope"), StringComparison.Ordinal);
        Assert.Contains("'identity'", owner.StringAt("properties", "principalId"), StringComparison.Ordinal);
        Assert.Contains("evidenceContainerName", owner.Scope.Resolve(Parameter("evidenceContainerName")).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HostContainers_AppIdentity_ContributorOnEachOneTheHostDurableAndKeyRingUse()
    {
        var host = Assert.Single(Assignments(), a => a.StringAt("scope")?.Contains("parameters('hostContainerNames')[copyIndex()]", StringComparison.Ordinal) == true);
        var names = fixture.Template.Root.Template.GetProperty("variables").GetProperty("hostContainerNames").EnumerateArray().Select(n => n.GetString()).ToList();
        var hub = HostJsonHubName().ToLowerInvariant();

        Assert.True(HasRole(host, BlobDataContributor));
        Assert.Contains("'identity'", host.StringAt("properties", "principalId"), StringComparison.Ordinal);
        Assert.Equal(hub, fixture.Template.Root.Template.GetProperty("variables").GetProperty("durableTaskHub").GetString());
        Assert.Equal(["azure-webjobs-hosts", "azure-webjobs-secrets", "[format('{0}-leases', variables('durableTaskHub'))]",
            "[format('{0}-applease', variables('durableTaskHub'))]", "[format('{0}-largemessages', variables('durableTaskHub'))]", "dataprotection"], names);
    }

    [Fact]
    public void DeploymentContainer_OnlyTheDeploymentIdentity_Contributor()
    {
        var onPackage = Assignments().Where(a => a.StringAt("scope")?.EndsWith("parameters('deploymentContainerName'))]", StringComparison.Ordinal) == true).ToList();

        var deployment = Assert.Single(onPackage);
        Assert.True(HasRole(deployment, BlobDataContributor));
        Assert.Contains("'deployment-identity'", deployment.StringAt("properties", "principalId"), StringComparison.Ordinal);
        Assert.DoesNotContain("'identity'", deployment.StringAt("properties", "principalId"), StringComparison.Ordinal);
    }

    [Fact]
    public void HostContainers_CreatedByTheTemplate_SoNoAccountWideRoleIsNeededToCreateThem()
    {
        var storage = fixture.Template.Single("Microsoft.Storage/storageAccounts");

        var containers = fixture.Template.Resources("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        Assert.Contains(containers, c => c.Body.TryGetProperty("copy", out _)
            && c.Body.GetProperty("name").GetString()!.Contains("parameters('hostContainerNames')[copyIndex()]", StringComparison.Ordinal));
        Assert.Equal("[variables('hostContainerNames')]", storage.Scope.Resolve(Parameter("hostContainerNames")).GetString());
    }

    private static JsonElement Parameter(string name) => JsonDocument.Parse($"\"[parameters('{name}')]\"").RootElement;

    private static bool HasRole(TemplateResource assignment, string roleId) =>
        assignment.StringAt("properties", "roleDefinitionId")?.Contains(roleId, StringComparison.Ordinal) == true;

    private static string HostJsonHubName() =>
        JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("functions/ServerlessComplaints.Functions/host.json")))
            .RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString()!;

    private IEnumerable<TemplateResource> Assignments() => fixture.Template.Resources("Microsoft.Authorization/roleAssignments");
}
