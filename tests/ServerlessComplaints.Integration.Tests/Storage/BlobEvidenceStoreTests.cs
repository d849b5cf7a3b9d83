using System.Net;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessComplaints.Workflow.Evidence;

namespace ServerlessComplaints.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class BlobEvidenceStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Text = "订单 SO-88231：电饭煲无法加热。\n"u8.ToArray();

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
    public async Task SaveAsync_ThenListAndOpen_ReturnsTheFileWithItsMetadata()
    {
        var saved = await _store.SaveAsync(_trackingNumber, "发票 照片 (1).png", "image/png", Png, CancellationToken.None);

        var listed = await _store.ListAsync(_trackingNumber, CancellationToken.None);
        await using var stream = await _store.OpenReadAsync(saved.BlobName, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);

        Assert.Matches($"^{_trackingNumber}/[0-9a-f]{{8}}-发票 照片 \\(1\\)\\.png$", saved.BlobName);
        Assert.Equal([saved], listed);
        Assert.Equal(new EvidenceItem(saved.BlobName, "发票 照片 (1).png", "image/png", Png.Length, Convert.ToHexStringLower(SHA256.HashData(Png))), saved);
        Assert.Equal(Png, copy.ToArray());
    }

    [Fact]
    public async Task SaveAsync_SetsContentTypeAndSha256MetadataOfTheBytes()
    {
        var saved = await _store.SaveAsync(_trackingNumber, "note.txt", "text/plain", Text, CancellationToken.None);

        var properties = (await _container.GetBlobClient(saved.BlobName).GetPropertiesAsync()).Value;

        Assert.Equal("text/plain", properties.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Text)), properties.Metadata["sha256"]);
        Assert.Equal(Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), properties.Metadata["size"]);
        Assert.Equal("note.txt", properties.Metadata["filename"]);
    }

    [Fact]
    public async Task ListAsync_SeveralFilesOfTwoCases_ListsOnlyTheCaseInSaveOrder()
    {
        var first = await _store.SaveAsync(_trackingNumber, "b.png", "image/png", Png, CancellationToken.None);
        var second = await _store.SaveAsync(_trackingNumber, "a.png", "image/png", Png, CancellationToken.None);
        var third = await _store.SaveAsync(_trackingNumber, "a.png", "image/png", Png, CancellationToken.None);
        await _store.SaveAsync(StorageSamples.NewTrackingNumber(), "other.png", "image/png", Png, CancellationToken.None);

        var listed = await _store.ListAsync(_trackingNumber, CancellationToken.None);

        Assert.Equal([first, second, third], listed);
        Assert.NotEqual(second.BlobName, third.BlobName);
    }

    [Fact]
    public async Task DeleteAllAsync_RemovesEveryFileOfTheCase()
    {
        var saved = await _store.SaveAsync(_trackingNumber, "a.png", "image/png", Png, CancellationToken.None);
        await _store.SaveAsync(_trackingNumber, "b.txt", "text/plain", Text, CancellationToken.None);
        var other = await _store.SaveAsync(StorageSamples.NewTrackingNumber(), "c.png", "image/png", Png, CancellationToken.None);

        var deleted = await _store.DeleteAllAsync(_trackingNumber, CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Empty(await _store.ListAsync(_trackingNumber, CancellationToken.None));
        Assert.Null(await _store.OpenReadAsync(saved.BlobName, CancellationToken.None));
        Assert.NotNull(await _store.OpenReadAsync(other.BlobName, CancellationToken.None));
    }

    [Fact]
    public async Task OpenReadAsync_UnknownBlob_ReturnsNull()
    {
        var stream = await _store.OpenReadAsync($"{_trackingNumber}/00000000-missing.png", CancellationToken.None);

        Assert.Null(stream);
    }

    [Theory]
    [InlineData("../CMP-20261121-7K3M9Q", "a.png")]
    [InlineData("CMP-20261121-7K3M9Q", "../a.png")]
    [InlineData("CMP-20261121-7K3M9Q", "dir/a.png")]
    public async Task SaveAsync_PathInTrackingNumberOrName_IsRefused(string trackingNumber, string safeName)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveAsync(trackingNumber, safeName, "image/png", Png, CancellationToken.None));
    }

    [Fact]
    public async Task EnsureCreatedAsync_CreatesAPrivateContainer()
    {
        var properties = (await _container.GetPropertiesAsync()).Value;

        Assert.True(properties.PublicAccess is null or PublicAccessType.None, $"public access {properties.PublicAccess}");
    }

    [Fact]
    public async Task AnonymousGet_OfAStoredBlob_IsRefused()
    {
        var saved = await _store.SaveAsync(_trackingNumber, "a.png", "image/png", Png, CancellationToken.None);
        using var http = new HttpClient();

        using var response = await http.GetAsync(_container.GetBlobClient(saved.BlobName).Uri);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.Conflict });
    }
}
