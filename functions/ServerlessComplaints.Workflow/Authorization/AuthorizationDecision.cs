using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Authorization;

/// <summary>The answer to "may this actor take this action on this case now": allowed, forbidden (403) or not now (409).</summary>
public enum AuthorizationVerdict
{
    Allowed,
    Forbidden,
    NotNow,
}

/// <summary>
/// The decision with its reason in English (for problem details and logs) and as a code with values
/// (<see cref="DecisionCodes"/>), so that pages can say it in their own language. When allowed,
/// <see cref="Expectation"/> is the wait the action answers (its round goes into the event) and
/// <see cref="NeedsApproval"/> says that the amount is above the actor's limit, so the workflow takes it to approval.
/// </summary>
public sealed record AuthorizationDecision(AuthorizationVerdict Verdict, string Reason, CaseExpectation? Expectation = null, bool NeedsApproval = false)
{
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    /// <summary>Why, as a <see cref="DecisionCodes"/> code.</summary>
    public string Code { get; init; } = DecisionCodes.Allowed;

    /// <summary>What the code's sentence names (<see cref="DecisionCodes"/> value names): amounts as invariant text, roles as wire names, staff ids.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = NoValues;

    public bool IsAllowed => Verdict == AuthorizationVerdict.Allowed;

    public int StatusCode => Verdict switch
    {
        AuthorizationVerdict.Allowed => 200,
        AuthorizationVerdict.Forbidden => 403,
        _ => 409,
    };

    public static AuthorizationDecision Forbid(string code, string reason, IReadOnlyDictionary<string, string>? values = null) =>
        new(AuthorizationVerdict.Forbidden, reason) { Code = code, Values = values ?? NoValues };

    public static AuthorizationDecision NotNow(string code, string reason, IReadOnlyDictionary<string, string>? values = null) =>
        new(AuthorizationVerdict.NotNow, reason) { Code = code, Values = values ?? NoValues };
}

/// <summary>
/// The codes of <see cref="AuthorizationDecision.Code"/>, one per reason, and the names of the values they carry
/// (<see cref="AuthorizationDecision.Values"/>).
/// </summary>
public static class DecisionCodes
{
    public const string Allowed = "allowed";

    /// <summary>Allowed; the amount is above the actor's <see cref="Limit"/>, so it goes to approval.</summary>
    public const string GoesToApproval = "goes-to-approval";

    public const string CustomerCannot = "customer-cannot";

    /// <summary>The customer's own step (message, review request, withdrawal).</summary>
    public const string CustomerOnly = "customer-only";

    /// <summary>The action needs <see cref="Role"/> or higher.</summary>
    public const string NeedsRole = "needs-role";

    /// <summary>Only the owner, the owner's supervisor and manager, and the centre head act on a case.</summary>
    public const string NotInChain = "not-in-chain";

    /// <summary>The action does not apply to this <see cref="Kind"/> of case.</summary>
    public const string NotForKind = "not-for-kind";

    public const string Closed = "closed";

    /// <summary>Only a failed case can be retried.</summary>
    public const string NotFailed = "not-failed";

    /// <summary>The case's workflow has already ended.</summary>
    public const string WorkflowEnded = "workflow-ended";

    /// <summary>The remedy is being carried out: no withdrawal.</summary>
    public const string NotWithdrawable = "not-withdrawable";

    /// <summary>The workflow is not running (<see cref="Runtime"/>): it waits for nothing.</summary>
    public const string WorkflowStopped = "workflow-stopped";

    /// <summary>The case, in <see cref="Stage"/>, does not wait for this action now.</summary>
    public const string NotExpected = "not-expected";

    /// <summary>An action link for an earlier round.</summary>
    public const string StaleLink = "stale-link";

    /// <summary>The step is assigned to <see cref="Staff"/> (<see cref="Role"/>) or someone above them.</summary>
    public const string AssignedTo = "assigned-to";

    /// <summary><see cref="Amount"/> is above the actor's <see cref="Limit"/>: it needs <see cref="Role"/>.</summary>
    public const string AboveLimit = "above-limit";

    /// <summary>Reassigning to another department needs a manager or above.</summary>
    public const string ReassignAcross = "reassign-across";

    // Value names.
    public const string Role = "role";
    public const string Amount = "amount";
    public const string Limit = "limit";
    public const string Staff = "staff";
    public const string Kind = "kind";
    public const string Stage = "stage";
    public const string Runtime = "runtime";

    public static IReadOnlyList<string> All { get; } =
    [
        Allowed, GoesToApproval, CustomerCannot, CustomerOnly, NeedsRole, NotInChain, NotForKind, Closed, NotFailed, WorkflowEnded,
        NotWithdrawable, WorkflowStopped, NotExpected, StaleLink, AssignedTo, AboveLimit, ReassignAcross,
    ];
}
