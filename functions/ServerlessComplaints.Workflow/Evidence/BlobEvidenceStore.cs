using System.Globalization;
using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessComplaints.Workflow.AzureStorage;

namespace ServerlessComplaints.Workflow.Evidence;

/// <summary>
/// Evidence in a private Blob Storage container. The sniffed type goes in the Content-Type header; SHA-256, size,
/// file name (URI-escaped, as metadata must be ASCII) and the save order go in metadata. Every blob carries the index
/// tag <c>legalhold</c> = <c>false</c>, or <c>true</c> while its case is held: lifecycle rules match tags with
/// <c>==</c> only, so the backstop rule deletes blobs tagged <c>false</c> and can never match held ones.
/// </summary>
public sealed class BlobEvidenceStore(BlobServiceClient client, string containerName = "evidence") : IEvidenceStore
{
    private const string Sha256Key = "sha256";
    private const string SizeKey = "size";
    private const string FileNameKey = "filename";
    private const string SequenceKey = "sequence";

    /// <summary>The blob index tag the lifecycle rule filters on.</summary>
    public const string LegalHoldTag = "legalhold";

    private readonly BlobContainerClient _container = client.GetBlobContainerClient(containerName);

    /// <summary>Creates the container with no anonymous access.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        await _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken).ConfigureAwait(false);

    public async Task<EvidenceItem> SaveAsync(string trackingNumber, string safeName, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var blobName = EvidenceBlobName.New(trackingNumber, safeName);
        var item = new EvidenceItem(blobName, safeName, contentType, content.Length, EvidenceBlobName.Sha256Hex(content.Span));
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentDisposition = "attachment" },
            Metadata = new Dictionary<string, string>
            {
                [Sha256Key] = item.Sha256,
                [SizeKey] = item.Size.ToString(CultureInfo.InvariantCulture),
                [FileNameKey] = Uri.EscapeDataString(safeName),
                [SequenceKey] = AppendSequence.Next().ToString(CultureInfo.InvariantCulture),
            },

            Tags = new Dictionary<string, string> { [LegalHoldTag] = "false" },

            // The random id makes a clash unlikely; the condition makes it an error rather than an overwrite.
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        await _container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false);
        return item;
    }

    public async Task<IReadOnlyList<EvidenceItem>> ListAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var items = new List<(EvidenceItem Item, long Sequence)>();
        var blobs = _container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, EvidenceBlobName.Prefix(trackingNumber), cancellationToken);
        await foreach (var blob in blobs.ConfigureAwait(false))
        {
            var metadata = blob.Metadata;
            var item = new EvidenceItem(
                blob.Name,
                metadata.TryGetValue(FileNameKey, out var name) ? Uri.UnescapeDataString(name) : blob.Name[(blob.Name.IndexOf('-', StringComparison.Ordinal) + 1)..],
                blob.Properties.ContentType ?? "application/octet-stream",
                metadata.TryGetValue(SizeKey, out var size) ? long.Parse(size, CultureInfo.InvariantCulture) : blob.Properties.ContentLength ?? 0,
                metadata.TryGetValue(Sha256Key, out var sha) ? sha : "");
            items.Add((item, metadata.TryGetValue(SequenceKey, out var sequence) ? long.Parse(sequence, CultureInfo.InvariantCulture) : 0));
        }

        return [.. items.OrderBy(i => i.Sequence).ThenBy(i => i.Item.BlobName, StringComparer.Ordinal).Select(i => i.Item)];
    }

    public async Task<Stream?> OpenReadAsync(string blobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        try
        {
            var download = await _container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<int> DeleteAllAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var blobs = _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, EvidenceBlobName.Prefix(trackingNumber), cancellationToken);
        await foreach (var blob in blobs.ConfigureAwait(false))
        {
            var response = await _container.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (response.Value)
            {
                deleted++;
            }
        }

        return deleted;
    }

    public async Task<int> SetLegalHoldAsync(string trackingNumber, bool hold, CancellationToken cancellationToken)
    {
        var marked = 0;
        var value = hold ? "true" : "false";
        var blobs = _container.GetBlobsAsync(BlobTraits.Tags, BlobStates.None, EvidenceBlobName.Prefix(trackingNumber), cancellationToken);
        await foreach (var blob in blobs.ConfigureAwait(false))
        {
            // Set Blob Tags replaces the whole set: keep any other tags.
            var tags = blob.Tags is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(blob.Tags, StringComparer.Ordinal);
            tags[LegalHoldTag] = value;
            try
            {
                await _container.GetBlobClient(blob.Name).SetTagsAsync(tags, cancellationToken: cancellationToken).ConfigureAwait(false);
                marked++;
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
            {
                // Deleted since the listing: nothing left to protect.
            }
        }

        return marked;
    }
}
