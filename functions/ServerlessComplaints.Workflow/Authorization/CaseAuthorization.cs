using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;
using C = ServerlessComplaints.Workflow.Authorization.DecisionCodes;

namespace ServerlessComplaints.Workflow.Authorization;

/// <summary>How far a staff member may go with a case: act on it (its chain), only read it (its department), or neither.</summary>
public enum CaseAccess
{
    None,
    Read,
    Act,
}

/// <summary>
/// The one authorization decision behind every staff action, whatever the entry point (staff API, action link,
/// staff pages): <b>who</b> (the case's owner, the owner's department chain — supervisor, manager — and the centre
/// head), <b>what</b> (the action's minimum role), <b>now</b> (only what the case waits for in its current stage and
/// round, for the person it is assigned to or someone above them in the chain) and <b>how much</b> (an approver's
/// limit must cover the amount; a proposal above the proposer's limit goes to approval). A reassigned case's waits
/// still name the people the orchestration assigned: <see cref="CaseAssignees"/> says whose they are now.
/// </summary>
public sealed class CaseAuthorization(StaffDirectory directory, AuthorityMatrix authority)
{
    /// <summary>Until a remedy is carried out the customer may withdraw the case.</summary>
    private static readonly HashSet<CaseStage> WithdrawableStages = [CaseStage.Intake, CaseStage.Investigation, CaseStage.Approval, CaseStage.Resolution];

    /// <summary>
    /// Decides; <paramref name="amount"/> is what the action proposes (findings, offer: approvals take theirs from
    /// the expectation), <paramref name="linkRound"/> the round an action link was issued for (null for the staff API)
    /// and <paramref name="newOwner"/> whom a reassignment names (null: may the actor reassign at all).
    /// </summary>
    public AuthorizationDecision Decide(CaseActor actor, CaseAction action, CaseSnapshot @case, decimal? amount = null, string? linkRound = null, StaffMember? newOwner = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(@case);
        var rule = CaseActions.Of(action);
        var who = actor.IsCustomer ? CustomerMay(rule) : StaffMay(actor.Staff!, rule, @case);
        if (who is not null)
        {
            return who;
        }

        if (!rule.Kinds.Contains(@case.Kind))
        {
            return AuthorizationDecision.NotNow(C.NotForKind, $"'{rule.WireName}' does not apply to a {@case.Kind.ToString().ToLowerInvariant()}.", new Dictionary<string, string> { [C.Kind] = Localization.WireNames.Of(@case.Kind) });
        }

        return rule.EventName is null ? RecordActionNow(actor, rule, @case, newOwner) : WorkflowActionNow(actor, rule, @case, amount, linkRound);
    }

    /// <summary>Act: the case's chain; read: a member of the case's department; otherwise neither.</summary>
    public CaseAccess AccessOf(StaffMember staff, CaseSnapshot @case)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(@case);
        return InChain(staff, @case) ? CaseAccess.Act
            : DepartmentOf(@case) is { } department && string.Equals(staff.Department, department, StringComparison.OrdinalIgnoreCase) ? CaseAccess.Read
            : CaseAccess.None;
    }

    /// <summary>The case's department: its owner's, else the record's.</summary>
    public string? DepartmentOf(CaseSnapshot @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return (@case.OwnerId is { } owner ? directory.Find(owner)?.Department : null) ?? @case.DepartmentId;
    }

    private static AuthorizationDecision? CustomerMay(CaseActionRule rule) =>
        rule.CustomerMay ? null : AuthorizationDecision.Forbid(C.CustomerCannot, $"A customer cannot take the action '{rule.WireName}'.");

    private AuthorizationDecision? StaffMay(StaffMember staff, CaseActionRule rule, CaseSnapshot @case)
    {
        if (rule.CustomerOnly)
        {
            return AuthorizationDecision.Forbid(C.CustomerOnly, $"'{rule.WireName}' is the customer's own step, taken from the status page.");
        }

        if (staff.Role < rule.MinimumRole)
        {
            return AuthorizationDecision.Forbid(C.NeedsRole, $"'{rule.WireName}' needs the role {RoleName(rule.MinimumRole)} or higher.", Role(rule.MinimumRole));
        }

        return InChain(staff, @case)
            ? null
            : AuthorizationDecision.Forbid(C.NotInChain, "Only the case's owner, the owner's supervisor and manager, and the centre head may act on this case.");
    }

    /// <summary>The owner, the supervisor and manager of the owner's department, and the centre head.</summary>
    private bool InChain(StaffMember staff, CaseSnapshot @case)
    {
        if (staff.Role == StaffRole.CentreHead || string.Equals(staff.Id, @case.OwnerId, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (DepartmentOf(@case) is not { } departmentId)
        {
            return false;
        }

        var department = directory.GetDepartment(departmentId);
        return string.Equals(staff.Id, department.SupervisorId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(staff.Id, department.ManagerId, StringComparison.OrdinalIgnoreCase);
    }

    private AuthorizationDecision RecordActionNow(CaseActor actor, CaseActionRule rule, CaseSnapshot @case, StaffMember? newOwner) => rule.Action switch
    {
        CaseAction.Retry or CaseAction.Terminate when @case.Closed =>
            AuthorizationDecision.NotNow(C.Closed, "The case is already closed."),
        CaseAction.Retry when @case.Runtime != WorkflowRuntimeStatus.Failed =>
            AuthorizationDecision.NotNow(C.NotFailed, $"Only a failed case can be retried; this one is {RuntimeName(@case.Runtime)}.", Runtime(@case.Runtime)),
        CaseAction.Terminate when @case.Runtime is null or WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Terminated =>
            AuthorizationDecision.NotNow(C.WorkflowEnded, $"The case's workflow has already ended ({RuntimeName(@case.Runtime)}).", Runtime(@case.Runtime)),
        CaseAction.CustomerMessage or CaseAction.EscalationRequest or CaseAction.Withdraw or CaseAction.Reassign when IsClosed(@case) =>
            AuthorizationDecision.NotNow(C.Closed, "The case is closed."),
        CaseAction.Withdraw when !WithdrawableStages.Contains(@case.Stage) || @case.Runtime is not (WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Pending) =>
            AuthorizationDecision.NotNow(C.NotWithdrawable, "The remedy is already being carried out; the case can no longer be withdrawn."),
        CaseAction.Reassign when @case.OwnerId is null =>
            AuthorizationDecision.NotNow(C.NotExpected, "The case has no owner yet: it is reassigned once assessed.", new Dictionary<string, string> { [C.Stage] = Localization.WireNames.Of(@case.Stage) }),
        CaseAction.Reassign when newOwner is not null && actor.Staff!.Role < StaffRole.Manager
                                 && !string.Equals(newOwner.Department, DepartmentOf(@case), StringComparison.OrdinalIgnoreCase) =>
            AuthorizationDecision.Forbid(C.ReassignAcross, "Only a manager or the centre head may reassign a case to another department.", Role(StaffRole.Manager)),
        _ => new AuthorizationDecision(AuthorizationVerdict.Allowed, "allowed"),
    };

    private static bool IsClosed(CaseSnapshot @case) => @case.Closed || @case.Stage is CaseStage.Closed or CaseStage.Archived;

    private AuthorizationDecision WorkflowActionNow(CaseActor actor, CaseActionRule rule, CaseSnapshot @case, decimal? amount, string? linkRound)
    {
        if (@case.Runtime is not (WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Pending))
        {
            return AuthorizationDecision.NotNow(C.WorkflowStopped, $"The case's workflow is {RuntimeName(@case.Runtime)}: it expects no '{rule.WireName}'.", Runtime(@case.Runtime));
        }

        var expectation = @case.Expecting is null
            ? LegacyExpectation(rule, @case)
            : @case.Expecting.FirstOrDefault(e => e.EventName == rule.EventName);
        if (expectation is null)
        {
            return AuthorizationDecision.NotNow(C.NotExpected, $"The case is in stage '{Localization.WireNames.Of(@case.Stage)}' and does not expect '{rule.WireName}' now.",
                new Dictionary<string, string> { [C.Stage] = Localization.WireNames.Of(@case.Stage) });
        }

        if (linkRound is not null && @case.Expecting is not null && linkRound != expectation.Round)
        {
            return AuthorizationDecision.NotNow(C.StaleLink, "This link was for an earlier step of the case; use the latest mail.");
        }

        // An approver whose limit does not cover the amount hears that first: it says whom the step needs.
        var howMuch = HowMuch(actor, rule, expectation, amount);
        if (!howMuch.IsAllowed)
        {
            return howMuch;
        }

        return actor.Staff is { } staff && Assigned(staff, CurrentAssignee(expectation, @case)) is { } assigned ? assigned : howMuch;
    }

    /// <summary>A case started by an earlier release publishes no expectations: its stage says what it waits for.</summary>
    private static CaseExpectation? LegacyExpectation(CaseActionRule rule, CaseSnapshot @case) =>
        rule.LegacyStages.Contains(@case.Stage) ? new CaseExpectation(rule.EventName!, "", @case.OwnerId ?? "") : null;

    /// <summary>Whom a wait belongs to now, the case having perhaps been reassigned (see <see cref="CaseAssignees"/>).</summary>
    public string AssigneeNow(CaseExpectation expectation, CaseSnapshot @case)
    {
        ArgumentNullException.ThrowIfNull(expectation);
        ArgumentNullException.ThrowIfNull(@case);
        return CurrentAssignee(expectation, @case);
    }

    private string CurrentAssignee(CaseExpectation expectation, CaseSnapshot @case) =>
        CaseAssignees.Current(directory, expectation.Assignee, expectation.EventName != WorkflowEvents.Approval, @case.OwnerId, @case.PreviousOwners, DepartmentOf(@case));

    /// <summary>An expectation belongs to its assignee or someone above them in the chain (the chain is checked already).</summary>
    private AuthorizationDecision? Assigned(StaffMember staff, string assigneeId)
    {
        if (assigneeId is "customer" or "" || string.Equals(staff.Id, assigneeId, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var assignee = directory.Find(assigneeId);
        return assignee is null || staff.Role > assignee.Role
            ? null
            : AuthorizationDecision.Forbid(C.AssignedTo, $"This step is assigned to {assignee.Name} ({RoleName(assignee.Role)}) or someone above them.",
                new Dictionary<string, string> { [C.Staff] = assignee.Id, [C.Role] = Localization.WireNames.Of(assignee.Role) });
    }

    private AuthorizationDecision HowMuch(CaseActor actor, CaseActionRule rule, CaseExpectation expectation, decimal? amount)
    {
        var role = actor.Staff?.Role;
        switch (rule.Money)
        {
            case MoneyRule.Approves when role is { } r && !authority.CanApprove(r, expectation.Amount):
                return AuthorizationDecision.Forbid(C.AboveLimit, $"{Money(expectation.Amount)} is above your authority limit of {Money(authority.LimitOf(r))}.", new Dictionary<string, string>
                {
                    [C.Amount] = Money(expectation.Amount),
                    [C.Limit] = Money(authority.LimitOf(r)),
                    [C.Role] = Localization.WireNames.Of(authority.RequiredRole(expectation.Amount)),
                });
            case MoneyRule.Proposes when role is { } r && !authority.CanApprove(r, amount):
                return new AuthorizationDecision(AuthorizationVerdict.Allowed, "above the actor's limit: goes to approval", expectation, NeedsApproval: true)
                {
                    Code = C.GoesToApproval,
                    Values = new Dictionary<string, string> { [C.Amount] = Money(amount), [C.Limit] = Money(authority.LimitOf(r)) },
                };
            default:
                return new AuthorizationDecision(AuthorizationVerdict.Allowed, "allowed", expectation);
        }
    }

    private static Dictionary<string, string> Role(StaffRole role) => new() { [C.Role] = Localization.WireNames.Of(role) };

    private static Dictionary<string, string> Runtime(WorkflowRuntimeStatus? status) => new() { [C.Runtime] = RuntimeName(status) };

    private static string Money(decimal? amount) => amount?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited";

    private static string RoleName(StaffRole role) => role switch
    {
        StaffRole.CentreHead => "centre head",
        _ => role.ToString().ToLowerInvariant(),
    };

    private static string RuntimeName(WorkflowRuntimeStatus? status) => status?.ToString().ToLowerInvariant() ?? "missing";
}
