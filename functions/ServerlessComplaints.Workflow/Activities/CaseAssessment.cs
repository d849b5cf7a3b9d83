using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Activities;

/// <summary>The initial assessment: urgency and why, the department, its owner and escalation contacts, and the SLA plan.</summary>
public sealed record CaseAssessment(
    Urgency Urgency,
    IReadOnlyList<string> Reasons,
    bool IsRepeat,
    string DepartmentId,
    string OwnerId,
    string ManagerId,
    string CentreHeadId,
    SlaPlan Plan);
