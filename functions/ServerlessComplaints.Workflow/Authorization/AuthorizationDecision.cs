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
/// The decision with its reason (in English, for problem details and logs). When allowed, <see cref="Expectation"/>
/// is the wait the action answers (its round goes into the event) and <see cref="NeedsApproval"/> says that the
/// amount is above the actor's limit, so the workflow takes it to approval.
/// </summary>
public sealed record AuthorizationDecision(AuthorizationVerdict Verdict, string Reason, CaseExpectation? Expectation = null, bool NeedsApproval = false)
{
    public bool IsAllowed => Verdict == AuthorizationVerdict.Allowed;

    public int StatusCode => Verdict switch
    {
        AuthorizationVerdict.Allowed => 200,
        AuthorizationVerdict.Forbidden => 403,
        _ => 409,
    };

    public static AuthorizationDecision Forbid(string reason) => new(AuthorizationVerdict.Forbidden, reason);

    public static AuthorizationDecision NotNow(string reason) => new(AuthorizationVerdict.NotNow, reason);
}
