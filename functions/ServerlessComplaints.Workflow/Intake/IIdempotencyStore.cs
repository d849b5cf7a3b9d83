namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Remembers which case an <c>Idempotency-Key</c> created, so a retried submission gets the same answer.</summary>
public interface IIdempotencyStore
{
    Task<string?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores key → tracking number; when the key is already stored, returns the stored tracking number.</summary>
    Task<string> RememberAsync(string key, string trackingNumber, CancellationToken cancellationToken);
}
