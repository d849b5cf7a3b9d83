using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Workflow.Authorization;

/// <summary>
/// What an action needs: the lowest staff role that may take it, the workflow event it raises (none for the
/// record-level actions legal hold, terminate and retry), the kinds of case it applies to, how it touches money,
/// whether a customer may take it through a link, and the stages in which a case without published expectations
/// (started by an earlier release) waits for it. <see cref="CustomerOnly"/> actions are the customer's own recourse (add
/// information, ask for a manager's review, withdraw): no staff member takes them.
/// </summary>
public sealed record CaseActionRule(
    CaseAction Action,
    string WireName,
    StaffRole MinimumRole,
    string? EventName,
    IReadOnlyList<ComplaintKind> Kinds,
    MoneyRule Money,
    bool CustomerMay,
    IReadOnlyList<CaseStage> LegacyStages,
    bool CustomerOnly = false);
