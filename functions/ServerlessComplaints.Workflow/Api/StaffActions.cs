using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Lifecycle.Events;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>The workflow actions of DESIGN.md §3 (the same ones the emailed action links perform) and their payloads.</summary>
internal static class StaffActions
{
    public static readonly IReadOnlyDictionary<string, StaffAction> All = new StaffAction[]
    {
        new(CaseAction.Findings, (b, staff, f) =>
            new FindingsSubmitted(staff, f.Text(b.RootCause, "rootCause"), f.Choice(b.ResponsibleParty, "responsibleParty", StaffActionFields.Parties), f.Text(b.Facts, "facts"), f.Remedy(b.Remedy))),
        new(CaseAction.Answer, (b, staff, f) => new InquiryAnswered(staff, f.Text(b.Answer, "answer"))),
        new(CaseAction.Review, (b, staff, f) => new SuggestionReviewed(staff, Required(b.Adopted, "adopted", f), f.Text(b.Reply, "reply"))),
        new(CaseAction.Extend, (b, staff, f) => new ExtensionGranted(staff, f.Text(b.Reason, "reason", max: 1000))),
        new(CaseAction.Approve, (b, staff, f) => new ApprovalDecision(staff, true, f.Text(b.Comment, "comment", required: false))),
        new(CaseAction.Reject, (b, staff, f) => new ApprovalDecision(staff, false, f.Text(b.Comment, "comment"))),
        new(CaseAction.Offer, (b, staff, f) => new RevisedOffer(staff, f.Remedy(b.Remedy))),
        new(CaseAction.CustomerResponse, (b, _, f) => new OfferResponse(Required(b.Accepted, "accepted", f), f.Text(b.Comment, "comment", required: false))),
        new(CaseAction.Execute, (b, staff, f) => new ExecutionConfirmed(staff, f.Text(b.Reference, "reference", max: 100))),
        new(CaseAction.Survey, (b, _, f) => new SurveyAnswered(Rating(b.Rating, f), f.Text(b.Comment, "comment", required: false))),
    }.ToDictionary(a => a.Rule.WireName, StringComparer.Ordinal);

    /// <summary>The amount a payload proposes (findings, revised offer), for the decision's "how much".</summary>
    public static decimal? AmountOf(object? payload) => payload switch
    {
        FindingsSubmitted f => f.ProposedRemedy.Amount,
        RevisedOffer o => o.Remedy.Amount,
        _ => null,
    };

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
