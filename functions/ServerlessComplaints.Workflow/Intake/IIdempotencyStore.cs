namespace ServerlessComplaints.Workflow.Intake;

/// <summary>
/// The <c>Idempotency-Key</c> rows behind <see cref="IntakeIdempotency"/>. A conditional insert claims a key; every later
/// change is a replace conditional on the ETag read, so of two concurrent callers exactly one succeeds. Keys and
/// request hashes arrive already keyed-hashed (<see cref="IdempotencyKeys"/>): a store never sees a client's key or body.
/// </summary>
public interface IIdempotencyStore
{
    Task<IdempotencyEntry?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Inserts <paramref name="entry"/> only if its key has no row: the stored entry (with its ETag), or null when a row exists.</summary>
    Task<IdempotencyEntry?> TryAddAsync(IdempotencyEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="current"/> by <paramref name="next"/> only while the row still has <paramref name="current"/>'s
    /// ETag: the stored entry (with its new ETag), or null when another caller changed or removed the row first.
    /// </summary>
    Task<IdempotencyEntry?> TryReplaceAsync(IdempotencyEntry current, IdempotencyEntry next, CancellationToken cancellationToken);
}
