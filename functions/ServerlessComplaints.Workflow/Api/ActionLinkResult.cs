using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// What an action-link page shows: the HTTP status, a message key (the page words it in the case's language), the
/// case and claims when the link is good, whether to show the form, field errors from a rejected submission, and
/// while the form is shown what the decision needs (<see cref="CaseContextView"/>; never on a refused or used link).
/// </summary>
public sealed record ActionLinkResult(
    int StatusCode,
    string MessageKey,
    ActionTokenClaims? Claims = null,
    ComplaintRecord? Record = null,
    bool ShowForm = false,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    CaseContextView? Context = null);
