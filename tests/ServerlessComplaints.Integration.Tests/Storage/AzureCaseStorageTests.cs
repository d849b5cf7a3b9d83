using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.AzureStorage;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Setup;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class AzureCaseStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EnsureAzureCaseStoresAsync_CreatesEveryTableAndTheContainer()
    {
        var prefix = AzuriteFixture.UniqueName("s");
        var container = AzuriteFixture.UniqueName("ev");
        await using var provider = new ServiceCollection().AddAzureCaseStores(azurite.ConnectionString, prefix, container).BuildServiceProvider();

        await provider.EnsureAzureCaseStoresAsync(CancellationToken.None);

        var tables = new TableServiceClient(azurite.ConnectionString);
        var names = await tables.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "~") < 0).Select(t => t.Name).ToListAsync();
        Assert.Equal(
            new[] { "Complaints", "CustomerIndex", "Dashboard", "Deletions", "Outbox", "SearchTerms", "StaffQueue", "Timeline" }.Select(n => prefix + n),
            names.Order(StringComparer.Ordinal));
        Assert.True(await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container).ExistsAsync());
    }

    [Fact]
    public async Task AddAzureCaseStores_RegistersTheTableAndBlobStoresAsTheInterfaces()
    {
        await using var provider = new ServiceCollection().AddAzureCaseStores(azurite.ConnectionString, AzuriteFixture.UniqueName("s")).BuildServiceProvider();

        Assert.IsType<TableComplaintStore>(provider.GetRequiredService<IComplaintStore>());
        Assert.IsType<TableTimelineStore>(provider.GetRequiredService<ITimelineStore>());
        Assert.IsType<TableNotificationOutbox>(provider.GetRequiredService<INotificationOutbox>());
        Assert.IsType<BlobEvidenceStore>(provider.GetRequiredService<IEvidenceStore>());
        Assert.Same(provider.GetRequiredService<IComplaintStore>(), provider.GetRequiredService<TableComplaintStore>());
        Assert.Same(provider.GetRequiredService<ICustomerCases>(), provider.GetRequiredService<TableComplaintStore>());
    }

    [Fact]
    public async Task AddAzureCaseStores_WithTheWorkflow_RegistersTheStaffQueueOverTheProjections()
    {
        await using var provider = new ServiceCollection()
            .AddComplaintWorkflow(new ComplaintCentreSettings())
            .AddAzureCaseStores(azurite.ConnectionString, AzuriteFixture.UniqueName("s"))
            .BuildServiceProvider();

        var queue = provider.GetRequiredService<IStaffQueue>();

        Assert.IsType<TableStaffQueue>(queue);
        Assert.IsType<TableDashboard>(provider.GetRequiredService<IDashboard>());
    }

    [Fact]
    public async Task EnsureAzureCaseStoresAsync_Twice_IsHarmless()
    {
        await using var provider = new ServiceCollection().AddAzureCaseStores(azurite.ConnectionString, AzuriteFixture.UniqueName("s"), AzuriteFixture.UniqueName("ev")).BuildServiceProvider();

        await provider.EnsureAzureCaseStoresAsync(CancellationToken.None);
        await provider.EnsureAzureCaseStoresAsync(CancellationToken.None);

        Assert.True(await provider.GetRequiredService<IComplaintStore>().TryAddAsync(StorageSamples.Minimal(), CancellationToken.None));
    }
}
