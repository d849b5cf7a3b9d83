namespace ServerlessComplaints.Workflow.Intake;

/// <summary>What <see cref="IntakeIdempotency.ClaimAsync"/> decided for one request carrying an <c>Idempotency-Key</c>.</summary>
public sealed record IdempotencyDecision(IdempotencyOutcome Outcome, IdempotencyEntry? Claim = null, string? TrackingNumber = null)
{
    /// <summary>This request holds the key: start the case under <see cref="IdempotencyEntry.TrackingNumber"/>, then complete the claim.</summary>
    public bool IsClaimed => Outcome is IdempotencyOutcome.Claimed or IdempotencyOutcome.TakenOver;
}

/// <summary>The answers to a request with an <c>Idempotency-Key</c>.</summary>
public enum IdempotencyOutcome
{
    /// <summary>First use of the key: this request starts the case.</summary>
    Claimed,

    /// <summary>An earlier request claimed the key and failed or vanished: this one continues under its tracking number.</summary>
    TakenOver,

    /// <summary>The same request already started a case: answer its 202 again.</summary>
    Replay,

    /// <summary>The same request is still being handled: 409, retry shortly.</summary>
    InProgress,

    /// <summary>The key was used for a different request: 422, and nothing about that request is revealed.</summary>
    Mismatch,
}
