using ServerlessComplaints.Workflow.Evidence;

namespace ServerlessComplaints.Workflow.Tests.Evidence;

public class InMemoryEvidenceStoreTests
{
    private const string TrackingNumber = "CMP-20261121-7K3M9Q";

    private readonly InMemoryEvidenceStore _store = new();

    [Fact]
    public async Task SaveAsync_ThenListOpenAndDelete_BehavesLikeTheBlobStore()
    {
        var first = await _store.SaveAsync(TrackingNumber, "发票.png", "image/png", EvidenceSamples.Png, CancellationToken.None);
        var second = await _store.SaveAsync(TrackingNumber, "发票.png", "image/png", EvidenceSamples.Png, CancellationToken.None);
        await _store.SaveAsync("CMP-20261121-AAAAAA", "other.txt", "text/plain", EvidenceSamples.AsciiText, CancellationToken.None);

        var listed = await _store.ListAsync(TrackingNumber, CancellationToken.None);
        await using var stream = await _store.OpenReadAsync(first.BlobName, CancellationToken.None);
        var deleted = await _store.DeleteAllAsync(TrackingNumber, CancellationToken.None);

        Assert.Matches("^CMP-20261121-7K3M9Q/[0-9a-f]{8}-发票\\.png$", first.BlobName);
        Assert.Equal([first, second], listed);
        Assert.Equal(EvidenceSamples.Png.Length, stream!.Length);
        Assert.Equal(2, deleted);
        Assert.Empty(await _store.ListAsync(TrackingNumber, CancellationToken.None));
        Assert.Single(await _store.ListAsync("CMP-20261121-AAAAAA", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_NotATrackingNumber_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveAsync("../etc", "a.png", "image/png", EvidenceSamples.Png, CancellationToken.None));
    }

    [Fact]
    public async Task OpenReadAsync_UnknownBlob_ReturnsNull()
    {
        Assert.Null(await _store.OpenReadAsync(TrackingNumber + "/00000000-none.png", CancellationToken.None));
    }
}
