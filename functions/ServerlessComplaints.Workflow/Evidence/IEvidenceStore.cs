namespace ServerlessComplaints.Workflow.Evidence;

/// <summary>Files customers attach to a case (Blob Storage in production, memory in tests), named <c>{trackingNumber}/{id}-{safeName}</c>.</summary>
public interface IEvidenceStore
{
    /// <summary>Stores an inspected file under the case; <paramref name="safeName"/> and <paramref name="contentType"/> come from <see cref="EvidenceInspector"/>.</summary>
    Task<EvidenceItem> SaveAsync(string trackingNumber, string safeName, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The case's files in the order they were saved.</summary>
    Task<IReadOnlyList<EvidenceItem>> ListAsync(string trackingNumber, CancellationToken cancellationToken);

    /// <summary>The file's content, or null when there is no such file.</summary>
    Task<Stream?> OpenReadAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Deletes every file of the case (retention); returns how many were deleted. Legal holds are the caller's check.</summary>
    Task<int> DeleteAllAsync(string trackingNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Marks every file of the case as held (or released) so Azure's lifecycle rule, a backstop to the retention sweep,
    /// never deletes held evidence; returns how many files were marked.
    /// </summary>
    Task<int> SetLegalHoldAsync(string trackingNumber, bool hold, CancellationToken cancellationToken);
}
