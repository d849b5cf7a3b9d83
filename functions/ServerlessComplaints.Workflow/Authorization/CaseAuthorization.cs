using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Authorization;

/// <summary>
/// The one authorization decision behind every staff action, whatever the entry point (staff API, action link,
/// staff pages): <b>who</b> (the case's owner, the owner's department chain — supervisor, manager — and the centre
/// head), <b>what</b> (the action's minimum role), <b>now</b> (only what the case waits for in its current stage and
/// round, for the person it is assigned to or someone above them in the chain) and <b>how much</b> (an approver's
/// limit must cover the amount; a proposal above the proposer's limit goes to approval).
/// </summary>
public sealed class CaseAuthorization(StaffDirectory directory, AuthorityMatrix authority)
{
    /// <summary>Until a remedy is carried out the customer may withdraw the case.</summary>
    private static readonly HashSet<CaseStage> WithdrawableStages = [CaseStage.Intake, CaseStage.Investigation, CaseStage.Approval, CaseStage.Resolution];

    /// <summary>Decides; <paramref name="amount"/> is what the action proposes (findings, offer: approvals take theirs from
    /// the expectation) and <paramref name="linkRound"/> the round an action link was issued for (null for the staff API).</summary>
    public AuthorizationDecision Decide(CaseActor actor, CaseAction action, CaseSnapshot @case, decimal? amount = null, string? linkRound = null)
    {
        var rule = CaseActions.Of(action);
        var who = actor.IsCustomer ? CustomerMay(rule) : StaffMay(actor.Staff!, rule, @case);
        if (who is not null)
        {
            return who;
        }

        if (!rule.Kinds.Contains(@case.Kind))
        {
            return AuthorizationDecision.NotNow($"'{rule.WireName}' does not apply to a {@case.Kind.ToString().ToLowerInvariant()}.");
        }

        return rule.EventName is null ? RecordActionNow(rule, @case) : WorkflowActionNow(actor, rule, @case, amount, linkRound);
    }

    private static AuthorizationDecision? CustomerMay(CaseActionRule rule) =>
        rule.CustomerMay ? null : AuthorizationDecision.Forbid($"A customer cannot take the action '{rule.WireName}'.");

    private AuthorizationDecision? StaffMay(StaffMember staff, CaseActionRule rule, CaseSnapshot @case)
    {
        if (rule.CustomerOnly)
        {
            return AuthorizationDecision.Forbid($"'{rule.WireName}' is the customer's own step, taken from the status page.");
        }

        if (staff.Role < rule.MinimumRole)
        {
            return AuthorizationDecision.Forbid($"'{rule.WireName}' needs the role {RoleName(rule.MinimumRole)} or higher.");
        }

        return InChain(staff, @case)
            ? null
            : AuthorizationDecision.Forbid("Only the case's owner, the owner's supervisor and manager, and the centre head may act on this case.");
    }

    /// <summary>The owner, the supervisor and manager of the owner's department, and the centre head.</summary>
    private bool InChain(StaffMember staff, CaseSnapshot @case)
    {
        if (staff.Role == StaffRole.CentreHead || string.Equals(staff.Id, @case.OwnerId, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var departmentId = (@case.OwnerId is { } owner ? directory.Find(owner)?.Department : null) ?? @case.DepartmentId;
        if (departmentId is null)
        {
            return false;
        }

        var department = directory.GetDepartment(departmentId);
        return string.Equals(staff.Id, department.SupervisorId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(staff.Id, department.ManagerId, StringComparison.OrdinalIgnoreCase);
    }

    private static AuthorizationDecision RecordActionNow(CaseActionRule rule, CaseSnapshot @case) => rule.Action switch
    {
        CaseAction.Retry or CaseAction.Terminate when @case.Closed =>
            AuthorizationDecision.NotNow("The case is already closed."),
        CaseAction.Retry when @case.Runtime != WorkflowRuntimeStatus.Failed =>
            AuthorizationDecision.NotNow($"Only a failed case can be retried; this one is {RuntimeName(@case.Runtime)}."),
        CaseAction.Terminate when @case.Runtime is null or WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Terminated =>
            AuthorizationDecision.NotNow($"The case's workflow has already ended ({RuntimeName(@case.Runtime)})."),
        CaseAction.CustomerMessage or CaseAction.EscalationRequest or CaseAction.Withdraw when @case.Closed || @case.Stage is CaseStage.Closed or CaseStage.Archived =>
            AuthorizationDecision.NotNow("The case is closed."),
        CaseAction.Withdraw when !WithdrawableStages.Contains(@case.Stage) || @case.Runtime is not (WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Pending) =>
            AuthorizationDecision.NotNow("The remedy is already being carried out; the case can no longer be withdrawn."),
        _ => new AuthorizationDecision(AuthorizationVerdict.Allowed, "allowed"),
    };

    private AuthorizationDecision WorkflowActionNow(CaseActor actor, CaseActionRule rule, CaseSnapshot @case, decimal? amount, string? linkRound)
    {
        if (@case.Runtime is not (WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Pending))
        {
            return AuthorizationDecision.NotNow($"The case's workflow is {RuntimeName(@case.Runtime)}: it expects no '{rule.WireName}'.");
        }

        var expectation = @case.Expecting is null
            ? LegacyExpectation(rule, @case)
            : @case.Expecting.FirstOrDefault(e => e.EventName == rule.EventName);
        if (expectation is null)
        {
            return AuthorizationDecision.NotNow($"The case is in stage '{Localization.WireNames.Of(@case.Stage)}' and does not expect '{rule.WireName}' now.");
        }

        if (linkRound is not null && @case.Expecting is not null && linkRound != expectation.Round)
        {
            return AuthorizationDecision.NotNow("This link was for an earlier step of the case; use the latest mail.");
        }

        if (actor.Staff is { } staff && Assigned(staff, expectation) is { } assigned)
        {
            return assigned;
        }

        return HowMuch(actor, rule, expectation, amount);
    }

    /// <summary>A case started by an earlier release publishes no expectations: its stage says what it waits for.</summary>
    private static CaseExpectation? LegacyExpectation(CaseActionRule rule, CaseSnapshot @case) =>
        rule.LegacyStages.Contains(@case.Stage) ? new CaseExpectation(rule.EventName!, "", @case.OwnerId ?? "") : null;

    /// <summary>An expectation belongs to its assignee or someone above them in the chain (the chain is checked already).</summary>
    private AuthorizationDecision? Assigned(StaffMember staff, CaseExpectation expectation)
    {
        if (expectation.Assignee is "customer" or "" || string.Equals(staff.Id, expectation.Assignee, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var assignee = directory.Find(expectation.Assignee);
        return assignee is null || staff.Role > assignee.Role
            ? null
            : AuthorizationDecision.Forbid($"This step is assigned to {assignee.Name} ({RoleName(assignee.Role)}) or someone above them.");
    }

    private AuthorizationDecision HowMuch(CaseActor actor, CaseActionRule rule, CaseExpectation expectation, decimal? amount)
    {
        var role = actor.Staff?.Role;
        switch (rule.Money)
        {
            case MoneyRule.Approves when role is { } r && !authority.CanApprove(r, expectation.Amount):
                return AuthorizationDecision.Forbid($"{Money(expectation.Amount)} is above your authority limit of {Money(authority.LimitOf(r))}.");
            case MoneyRule.Proposes when role is { } r && !authority.CanApprove(r, amount):
                return new AuthorizationDecision(AuthorizationVerdict.Allowed, "above the actor's limit: goes to approval", expectation, NeedsApproval: true);
            default:
                return new AuthorizationDecision(AuthorizationVerdict.Allowed, "allowed", expectation);
        }
    }

    private static string Money(decimal? amount) => amount?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited";

    private static string RoleName(StaffRole role) => role switch
    {
        StaffRole.CentreHead => "centre head",
        _ => role.ToString().ToLowerInvariant(),
    };

    private static string RuntimeName(WorkflowRuntimeStatus? status) => status?.ToString().ToLowerInvariant() ?? "missing";
}
