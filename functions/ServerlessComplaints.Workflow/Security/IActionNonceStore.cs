namespace ServerlessComplaints.Workflow.Security;

/// <summary>Remembers used action-link nonces: the first consumer wins (an insert-if-absent write), every later one loses.</summary>
public interface IActionNonceStore
{
    Task<bool> TryConsumeAsync(ActionTokenClaims claims, CancellationToken cancellationToken);

    Task<bool> IsConsumedAsync(ActionTokenClaims claims, CancellationToken cancellationToken);
}
