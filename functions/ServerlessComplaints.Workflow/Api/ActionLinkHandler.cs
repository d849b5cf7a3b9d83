using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// <c>GET /actions/{token}</c> shows what the link will do and changes nothing (mail scanners pre-click links);
/// <c>POST</c> does it once: the token must verify, be unexpired and unused, belong to an actor allowed to take the
/// action, and the case must expect it now (in the link's round) — the one authorization decision. The nonce is
/// consumed only when the action is taken. A page with the form carries the case as the decision needs it
/// (<see cref="CaseContextReader"/>); refusals carry only the tracking number and subject.
/// </summary>
public sealed class ActionLinkHandler(
    ActionTokens tokens, IActionNonceStore nonces, IComplaintStore store, IWorkflowClient client, StaffDirectory directory, CaseAuthorization authorization,
    CaseContextReader context)
{
    public async Task<ActionLinkResult> ViewAsync(string token, CancellationToken cancellationToken)
    {
        var (result, _) = await CheckAsync(token, null, cancellationToken);
        return await WithContextAsync(result, cancellationToken);
    }

    public async Task<ActionLinkResult> SubmitAsync(string token, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        var (result, check) = await CheckAsync(token, form, cancellationToken);
        if (check is not { } c || result.Claims is not { } claims)
        {
            return result;
        }

        var fields = new StaffActionFields();
        // An approval link without a choice must not approve: the page preselects nothing.
        if (claims.Action == LinkActions.Approval && form.GetValueOrDefault("decision") is not ("approve" or "reject"))
        {
            fields.Errors["decision"] = ["decision is required (approve or reject)."];
        }

        var payload = c.Rule.Build(StaffActionForm.ToBody(form), c.Actor.Id, fields);
        // "How much" needs the amount the form proposes: the same decision, now with it.
        var decision = authorization.Decide(c.Actor, c.Rule.Action, c.Snapshot, StaffActions.AmountOf(payload), claims.Round);
        if (!decision.IsAllowed)
        {
            return Refused(decision, claims, result.Record);
        }

        if (fields.Errors.Count > 0)
        {
            return await WithContextAsync(result with { StatusCode = 400, MessageKey = "invalid-fields", Errors = fields.Errors }, cancellationToken);
        }

        if (!await nonces.TryConsumeAsync(claims, cancellationToken))
        {
            return new ActionLinkResult(410, "used", claims, result.Record);
        }

        var round = decision.Expectation?.Round is { Length: > 0 } r ? r : null;
        using (Diagnostics.WorkflowTelemetry.StartAction(claims.TrackingNumber, c.Rule.Rule.WireName))
        {
            await client.RaiseEventAsync(claims.TrackingNumber, c.Rule.Rule.EventName!, EventRounds.WithRound(payload, round), cancellationToken);
        }
        return new ActionLinkResult(200, "done", claims, result.Record);
    }

    // Only a page that shows the form needs the case in full: a good link's GET, or a submission to correct.
    private async Task<ActionLinkResult> WithContextAsync(ActionLinkResult result, CancellationToken cancellationToken) =>
        result is { ShowForm: true, Claims: { } claims, Record: { } record }
            ? result with { Context = await context.ForLinkAsync(record, claims, cancellationToken) }
            : result;

    private sealed record LinkCheck(StaffAction Rule, CaseActor Actor, CaseSnapshot Snapshot);

    private async Task<(ActionLinkResult Result, LinkCheck? Check)> CheckAsync(string token, IReadOnlyDictionary<string, string>? form, CancellationToken cancellationToken)
    {
        var (check, claims) = tokens.Read(token);
        if (check is ActionTokenCheck.Malformed or ActionTokenCheck.Tampered || claims is null || !CaseActions.LinkActions.Contains(claims.Action))
        {
            return (new ActionLinkResult(400, "invalid"), null);
        }

        var record = await store.GetAsync(claims.TrackingNumber, cancellationToken);
        if (record is null)
        {
            return (new ActionLinkResult(404, "invalid"), null);
        }

        if (check == ActionTokenCheck.Expired)
        {
            return (new ActionLinkResult(410, "expired", claims, record), null);
        }

        if (await nonces.IsConsumedAsync(claims, cancellationToken))
        {
            return (new ActionLinkResult(410, "used", claims, record), null);
        }

        var rule = StaffActions.All[RuleName(claims.Action, form)];
        var actor = claims.Actor == "customer" ? CaseActor.Customer : directory.Find(claims.Actor) is { } member ? CaseActor.Of(member) : null;
        // Customer steps' links belong to the customer, staff steps' links to staff.
        if (actor is null || actor.IsCustomer != rule.Rule.CustomerMay)
        {
            return (new ActionLinkResult(403, "wrong-actor", claims, record), null);
        }

        var snapshot = CaseStageReader.SnapshotOf(record, await client.GetStatusAsync(claims.TrackingNumber, cancellationToken));
        var decision = authorization.Decide(actor, rule.Action, snapshot, linkRound: claims.Round);
        return decision.IsAllowed
            ? (new ActionLinkResult(200, "confirm", claims, record, ShowForm: true), new LinkCheck(rule, actor, snapshot))
            : (Refused(decision, claims, record), null);
    }

    private static ActionLinkResult Refused(AuthorizationDecision decision, ActionTokenClaims claims, ComplaintRecord? record) =>
        decision.Verdict == AuthorizationVerdict.Forbidden
            ? new ActionLinkResult(403, "wrong-actor", claims, record)
            : new ActionLinkResult(409, "not-open", claims, record);

    private static string RuleName(string action, IReadOnlyDictionary<string, string>? form) => action switch
    {
        LinkActions.Approval => form?.GetValueOrDefault("decision") == "reject" ? CaseActions.Of(CaseAction.Reject).WireName : CaseActions.Of(CaseAction.Approve).WireName,
        _ => action,
    };
}
