namespace ServerlessComplaints.Workflow.Intake;

/// <summary>
/// The <c>Idempotency-Key</c> protocol of intake, after the IETF draft "The Idempotency-Key HTTP Header Field": the
/// first request claims the key with a conditional insert and, once its case has started, completes the claim with an
/// ETag-checked replace. A concurrent request with the same key and body waits up to <see cref="PendingWait"/> for that
/// and gets the same 202; if the first is still busy it gets 409 and retries the same request. The same key with another
/// body gets 422 and never the first request's status link. A claim whose request failed is taken over by the next
/// retry at once, one whose request vanished (a crash) after <see cref="ClaimTimeout"/>; the claim's tracking number is
/// kept, so a key never starts more than one case.
/// </summary>
public sealed class IntakeIdempotency(IIdempotencyStore store, TimeProvider time)
{
    /// <summary>How long a pending claim holds off its repeats before one may take it over.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How long a repeat waits for a pending claim to complete before answering 409.</summary>
    public static readonly TimeSpan PendingWait = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<IdempotencyDecision> ClaimAsync(string key, string requestHash, string trackingNumber, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (await store.TryAddAsync(new IdempotencyEntry(key, requestHash, trackingNumber, IdempotencyState.Pending, now), cancellationToken) is { } claim)
            {
                return new IdempotencyDecision(IdempotencyOutcome.Claimed, claim);
            }

            // The row may have gone between the insert and the read (never in these stores, but cheap to allow for).
            var entry = await store.FindAsync(key, cancellationToken);
            if (entry is not null)
            {
                if (!IdempotencyKeys.SameHash(entry.RequestHash, requestHash))
                {
                    return new IdempotencyDecision(IdempotencyOutcome.Mismatch);
                }

                if (entry.State == IdempotencyState.Completed)
                {
                    return new IdempotencyDecision(IdempotencyOutcome.Replay, TrackingNumber: entry.TrackingNumber);
                }

                if (entry.State == IdempotencyState.Abandoned || now - entry.ClaimedAtUtc >= ClaimTimeout)
                {
                    var next = entry with { State = IdempotencyState.Pending, ClaimedAtUtc = now };
                    if (await store.TryReplaceAsync(entry, next, cancellationToken) is { } taken)
                    {
                        return new IdempotencyDecision(IdempotencyOutcome.TakenOver, taken);
                    }

                    continue;
                }
            }

            if (time.GetElapsedTime(started) >= PendingWait)
            {
                return new IdempotencyDecision(IdempotencyOutcome.InProgress);
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    /// <summary>Marks the claim done: later repeats replay its 202. False when another request took the claim over meanwhile.</summary>
    public async Task<bool> CompleteAsync(IdempotencyEntry claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return await store.TryReplaceAsync(claim, claim with { State = IdempotencyState.Completed }, cancellationToken) is not null;
    }

    /// <summary>
    /// Gives the claim up after a failure, keeping its tracking number for the retry that takes it over: the failed
    /// attempt may have started the case after all (a timeout after the write), and the retry must find that case.
    /// </summary>
    public async Task AbandonAsync(IdempotencyEntry claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await store.TryReplaceAsync(claim, claim with { State = IdempotencyState.Abandoned }, cancellationToken);
    }
}
