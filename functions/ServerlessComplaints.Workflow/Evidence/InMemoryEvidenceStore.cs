using System.Collections.Concurrent;

namespace ServerlessComplaints.Workflow.Evidence;

/// <summary>Evidence in memory, for tests and demos; names and listing order as in <see cref="BlobEvidenceStore"/>.</summary>
public sealed class InMemoryEvidenceStore : IEvidenceStore
{
    private readonly ConcurrentDictionary<string, (EvidenceItem Item, byte[] Content, long Sequence)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _held = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Whether the file carries the legal-hold mark (<see cref="BlobEvidenceStore"/>'s <c>legalhold=true</c> tag).</summary>
    public bool IsHeld(string blobName) => _held.TryGetValue(blobName, out var held) && held;

    public Task<EvidenceItem> SaveAsync(string trackingNumber, string safeName, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var blobName = EvidenceBlobName.New(trackingNumber, safeName);
        var item = new EvidenceItem(blobName, safeName, contentType, content.Length, EvidenceBlobName.Sha256Hex(content.Span));
        if (!_files.TryAdd(blobName, (item, content.ToArray(), Interlocked.Increment(ref _sequence))))
        {
            throw new InvalidOperationException($"Evidence '{blobName}' exists.");
        }

        return Task.FromResult(item);
    }

    public Task<IReadOnlyList<EvidenceItem>> ListAsync(string trackingNumber, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EvidenceItem>>([.. Of(trackingNumber).Select(f => f.Item)]);

    public Task<Stream?> OpenReadAsync(string blobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return Task.FromResult<Stream?>(_files.TryGetValue(blobName, out var file) ? new MemoryStream(file.Content, writable: false) : null);
    }

    public Task<int> DeleteAllAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var file in Of(trackingNumber))
        {
            _held.TryRemove(file.Item.BlobName, out _);
            deleted += _files.TryRemove(file.Item.BlobName, out _) ? 1 : 0;
        }

        return Task.FromResult(deleted);
    }

    public Task<int> SetLegalHoldAsync(string trackingNumber, bool hold, CancellationToken cancellationToken)
    {
        var files = Of(trackingNumber).ToList();
        foreach (var file in files)
        {
            _held[file.Item.BlobName] = hold;
        }

        return Task.FromResult(files.Count);
    }

    private IEnumerable<(EvidenceItem Item, byte[] Content, long Sequence)> Of(string trackingNumber)
    {
        var prefix = EvidenceBlobName.Prefix(trackingNumber);
        return _files.Values.Where(f => f.Item.BlobName.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(f => f.Sequence).ToList();
    }
}
