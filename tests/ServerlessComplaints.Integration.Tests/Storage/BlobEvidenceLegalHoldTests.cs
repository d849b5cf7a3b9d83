using Azure.Storage.Blobs;
using ServerlessComplaints.Workflow.Evidence;

namespace ServerlessComplaints.Integration.Tests.Storage;

/// <summary>The <c>legalhold</c> blob index tag that keeps Azure's lifecycle rule (a backstop) away from held evidence.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobEvidenceLegalHoldTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private readonly string _trackingNumber = StorageSamples.NewTrackingNumber();
    private BlobContainerClient _container = null!;
    private BlobEvidenceStore _store = null!;

    public async Task InitializeAsync()
    {
        var client = new BlobServiceClient(azurite.ConnectionString);
        var name = AzuriteFixture.UniqueName("ev");
        _container = client.GetBlobContainerClient(name);
        _store = new BlobEvidenceStore(client, name);
        await _store.EnsureCreatedAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SaveAsync_NewBlob_IsTaggedNotHeld()
    {
        var saved = await _store.SaveAsync(_trackingNumber, "a.png", "image/png", Png, CancellationToken.None);

        Assert.Equal("false", (await TagsAsync(saved.BlobName))[BlobEvidenceStore.LegalHoldTag]);
    }

    [Fact]
    public async Task SetLegalHoldAsync_Hold_TagsEveryFileOfTheCaseOnly()
    {
        var first = await _store.SaveAsync(_trackingNumber, "a.png", "image/png", Png, CancellationToken.None);
        var second = await _store.SaveAsync(_trackingNumber, "b.png", "image/png", Png, CancellationToken.None);
        var other = await _store.SaveAsync(StorageSamples.NewTrackingNumber(), "c.png", "image/png", Png, CancellationToken.None);

        var marked = await _store.SetLegalHoldAsync(_trackingNumber, hold: true, CancellationToken.None);

        Assert.Equal(2, marked);
        Assert.Equal("true", (await TagsAsync(first.BlobName))[BlobEvidenceStore.LegalHoldTag]);
        Assert.Equal("true", (await TagsAsync(second.BlobName))[BlobEvidenceStore.LegalHoldTag]);
        Assert.Equal("false", (await TagsAsync(other.BlobName))[BlobEvidenceStore.LegalHoldTag]);
    }

    [Fact]
    public async Task SetLegalHoldAsync_Release_ClearsTheHoldAndKeepsOtherTags()
    {
        var saved = await _store.SaveAsync(_trackingNumber, "a.png", "image/png", Png, CancellationToken.None);
        await _store.SetLegalHoldAsync(_trackingNumber, hold: true, CancellationToken.None);
        var blob = _container.GetBlobClient(saved.BlobName);
        var tags = await TagsAsync(saved.BlobName);
        tags["project"] = "audit";
        await blob.SetTagsAsync(tags);

        await _store.SetLegalHoldAsync(_trackingNumber, hold: false, CancellationToken.None);

        var released = await TagsAsync(saved.BlobName);
        Assert.Equal("false", released[BlobEvidenceStore.LegalHoldTag]);
        Assert.Equal("audit", released["project"]);
    }

    [Fact]
    public async Task SetLegalHoldAsync_CaseWithoutEvidence_MarksNothing()
    {
        var marked = await _store.SetLegalHoldAsync(_trackingNumber, hold: true, CancellationToken.None);

        Assert.Equal(0, marked);
    }

    private async Task<IDictionary<string, string>> TagsAsync(string blobName) =>
        (await _container.GetBlobClient(blobName).GetTagsAsync()).Value.Tags;
}
