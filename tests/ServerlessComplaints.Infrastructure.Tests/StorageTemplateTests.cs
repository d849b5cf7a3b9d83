using System.Text.Json;
using ServerlessComplaints.Infrastructure.Tests.Bicep;

namespace ServerlessComplaints.Infrastructure.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class StorageTemplateTests(CompiledTemplateFixture fixture)
{
    private const string ContainerType = "Microsoft.Storage/storageAccounts/blobServices/containers";

    [Fact]
    public void StorageAccount_Security_SharedKeysOffTls12HttpsOnlyNoPublicBlobs()
    {
        var account = fixture.Template.Single("Microsoft.Storage/storageAccounts");

        Assert.False(account.BoolAt("properties", "allowSharedKeyAccess"));
        Assert.Equal("TLS1_2", account.StringAt("properties", "minimumTlsVersion"));
        Assert.True(account.BoolAt("properties", "supportsHttpsTrafficOnly"));
        Assert.False(account.BoolAt("properties", "allowBlobPublicAccess"));
    }

    [Fact]
    public void EvidenceContainer_PublicAccess_IsNone()
    {
        var evidence = fixture.Template.Resources(ContainerType)
            .SingleOrDefault(c => c.StringAt("name")?.EndsWith("'evidence')]", StringComparison.Ordinal) == true
                || c.StringAt("name")?.EndsWith("/evidence", StringComparison.Ordinal) == true);

        Assert.NotNull(evidence);
        Assert.Equal("None", evidence.StringAt("properties", "publicAccess"));
    }

    [Fact]
    public void Containers_PublicAccess_NoneAnywhere()
    {
        var containers = fixture.Template.Resources(ContainerType).ToList();

        Assert.NotEmpty(containers);
        Assert.All(containers, c => Assert.Equal("None", c.StringAt("properties", "publicAccess")));
    }

    [Fact]
    public void LifecycleRule_Filters_OnlyEvidenceWithLegalHoldFalse()
    {
        var rule = EvidenceRule();
        var filters = rule.GetProperty("definition").GetProperty("filters");

        var prefixes = filters.GetProperty("prefixMatch").EnumerateArray().Select(p => p.GetString()).ToList();
        var tagMatch = Assert.Single(filters.GetProperty("blobIndexMatch").EnumerateArray());

        Assert.Equal(["evidence/"], prefixes);
        Assert.Equal("legalhold", tagMatch.GetProperty("name").GetString());
        Assert.Equal("==", tagMatch.GetProperty("op").GetString());
        Assert.Equal("false", tagMatch.GetProperty("value").GetString());
        Assert.True(rule.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void LifecycleRule_Delete_RetentionPlusMarginDaysAfterModification()
    {
        var policy = fixture.Template.Single("Microsoft.Storage/storageAccounts/managementPolicies");
        var days = EvidenceRule().GetProperty("definition").GetProperty("actions").GetProperty("baseBlob")
            .GetProperty("delete").GetProperty("daysAfterModificationGreaterThan");

        var resolved = policy.Scope.Resolve(days);

        // main.bicep passes retentionDays + evidenceLifecycleMarginDays: 365 + 30 by default.
        Assert.Equal("[add(parameters('retentionDays'), parameters('evidenceLifecycleMarginDays'))]", resolved.GetString());
        Assert.Equal(365, DefaultOf("retentionDays"));
        Assert.Equal(30, DefaultOf("evidenceLifecycleMarginDays"));
    }

    private JsonElement EvidenceRule()
    {
        var policy = fixture.Template.Single("Microsoft.Storage/storageAccounts/managementPolicies");
        var rules = policy.At("properties", "policy", "rules");
        Assert.NotNull(rules);
        return Assert.Single(rules.Value.EnumerateArray());
    }

    private int DefaultOf(string parameter) =>
        fixture.Template.Root.Template.GetProperty("parameters").GetProperty(parameter).GetProperty("defaultValue").GetInt32();
}
