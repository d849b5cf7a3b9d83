namespace ServerlessComplaints.Workflow.Intake;

/// <summary>Where the request that claimed an <c>Idempotency-Key</c> got to.</summary>
public enum IdempotencyState
{
    /// <summary>Claimed; the case is being started.</summary>
    Pending,

    /// <summary>The case started: a repeat of the request gets the same 202.</summary>
    Completed,

    /// <summary>The claiming request failed; the next repeat takes the claim over at once, keeping its tracking number.</summary>
    Abandoned,
}
