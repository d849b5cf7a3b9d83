namespace ServerlessComplaints.Workflow.Intake;

/// <summary>
/// One stored <c>Idempotency-Key</c>: its keyed hash, the keyed hash of the normalised request that claimed it, the
/// tracking number reserved for that request, and where the request got to. <see cref="ETag"/> is the store's version
/// of the row, null until stored; every change is conditional on it.
/// </summary>
public sealed record IdempotencyEntry(string Key, string RequestHash, string TrackingNumber, IdempotencyState State, DateTime ClaimedAtUtc)
{
    public string? ETag { get; init; }
}
