using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Integration.Tests.Storage;

/// <summary>The idempotency store contract on Azure Tables (Azurite): AddEntity's 409 and If-Match's 412.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableIdempotencyStoreTests(AzuriteFixture azurite) : IdempotencyStoreContractTests
{
    protected override async Task<IIdempotencyStore> CreateStoreAsync()
    {
        var store = new TableIdempotencyStore(new TableServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("i"));
        await store.EnsureCreatedAsync(CancellationToken.None);
        return store;
    }
}
