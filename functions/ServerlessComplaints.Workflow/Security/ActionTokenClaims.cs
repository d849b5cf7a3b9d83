namespace ServerlessComplaints.Workflow.Security;

/// <summary>
/// What an action link grants: one action on one case by one actor (a staff id or "customer"), for one round of the
/// workflow's wait (null in links issued before rounds), until it expires, once.
/// </summary>
public sealed record ActionTokenClaims(string TrackingNumber, string Action, string Actor, DateTime ExpiresAtUtc, string Nonce, string? Round = null);
