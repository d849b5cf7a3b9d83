using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>The staff actions of DESIGN.md §3, the same ones the emailed action links perform.</summary>
internal static class StaffActions
{
    private static readonly ComplaintKind[] AllKinds = [ComplaintKind.Complaint, ComplaintKind.Inquiry, ComplaintKind.Suggestion];
    private static readonly ComplaintKind[] Complaints = [ComplaintKind.Complaint];

    public static readonly IReadOnlyDictionary<string, StaffAction> All = new StaffAction[]
    {
        new("findings", WorkflowEvents.Findings, [CaseStage.Investigation], Complaints, StaffRole.Staff, (b, staff, f) =>
            new FindingsSubmitted(staff, f.Text(b.RootCause, "rootCause"), f.Choice(b.ResponsibleParty, "responsibleParty", StaffActionFields.Parties), f.Text(b.Facts, "facts"), f.Remedy(b.Remedy))),
        new("answer", WorkflowEvents.Answer, [CaseStage.Investigation], [ComplaintKind.Inquiry], StaffRole.Staff, (b, staff, f) =>
            new InquiryAnswered(staff, f.Text(b.Answer, "answer"))),
        new("review", WorkflowEvents.Review, [CaseStage.Investigation], [ComplaintKind.Suggestion], StaffRole.Staff, (b, staff, f) =>
            new SuggestionReviewed(staff, Required(b.Adopted, "adopted", f), f.Text(b.Reply, "reply"))),
        new("extend", WorkflowEvents.Extend, [CaseStage.Investigation], Complaints, StaffRole.Manager, (b, staff, f) =>
            new ExtensionGranted(staff, f.Text(b.Reason, "reason", max: 1000))),
        new("approve", WorkflowEvents.Approval, [CaseStage.Approval], Complaints, StaffRole.Supervisor, (b, staff, f) =>
            new ApprovalDecision(staff, true, f.Text(b.Comment, "comment", required: false))),
        new("reject", WorkflowEvents.Approval, [CaseStage.Approval], Complaints, StaffRole.Supervisor, (b, staff, f) =>
            new ApprovalDecision(staff, false, f.Text(b.Comment, "comment"))),
        new("offer", WorkflowEvents.Offer, [CaseStage.Resolution], Complaints, StaffRole.Staff, (b, staff, f) =>
            new RevisedOffer(staff, f.Remedy(b.Remedy))),
        new("customer-response", WorkflowEvents.CustomerResponse, [CaseStage.Resolution], Complaints, StaffRole.Staff, (b, _, f) =>
            new OfferResponse(Required(b.Accepted, "accepted", f), f.Text(b.Comment, "comment", required: false))),
        new("execute", WorkflowEvents.Execution, [CaseStage.Execution], Complaints, StaffRole.Staff, (b, staff, f) =>
            new ExecutionConfirmed(staff, f.Text(b.Reference, "reference", max: 100))),
        new("survey", WorkflowEvents.Survey, [CaseStage.FollowUp], AllKinds, StaffRole.Staff, (b, _, f) =>
            new SurveyAnswered(Rating(b.Rating, f), f.Text(b.Comment, "comment", required: false))),
    }.ToDictionary(a => a.Name, StringComparer.Ordinal);

    private static bool Required(bool? value, string field, StaffActionFields f)
    {
        if (value is null)
        {
            f.Errors[field] = [$"{field} is required (true or false)."];
        }

        return value ?? false;
    }

    private static int Rating(int? rating, StaffActionFields f)
    {
        if (rating is not (>= 1 and <= 5))
        {
            f.Errors["rating"] = ["rating must be a whole number from 1 to 5."];
        }

        return rating ?? 0;
    }
}
