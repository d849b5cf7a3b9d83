using System.Reflection;

namespace ServerlessComplaints.Workflow.Cases;

/// <summary>
/// The code of every timeline entry (<see cref="TimelineEntry.Action"/>), one wire name each; the sentence for a code is
/// <c>Timeline.{code}</c> in <see cref="Localization.CaseTexts"/>, filled from the entry's parameters
/// (<see cref="TimelineParameters"/>).
/// </summary>
public static class TimelineCodes
{
    public const string Received = "received";
    public const string Assessed = "assessed";
    public const string ReminderSent = "reminder-sent";
    public const string Escalated = "escalated";
    public const string ApprovalRequested = "approval-requested";
    public const string ApprovalEscalated = "approval-escalated";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Findings = "findings";
    public const string Answered = "answered";
    public const string SuggestionAdopted = "suggestion-adopted";
    public const string SuggestionNotAdopted = "suggestion-not-adopted";
    public const string Extended = "extended";
    public const string OfferSent = "offer-sent";
    public const string OfferReminderSent = "offer-reminder-sent";
    public const string OfferAccepted = "offer-accepted";
    public const string OfferDeclined = "offer-declined";
    public const string OfferRevised = "offer-revised";
    public const string NegotiationEscalated = "negotiation-escalated";
    public const string NoResponse = "no-response";
    public const string ExecutionRequested = "execution-requested";
    public const string Executed = "executed";
    public const string SurveySent = "survey-sent";
    public const string SurveyNoReply = "survey-no-reply";
    public const string SurveyAnswered = "survey-answered";
    public const string Reopened = "reopened";
    public const string Closed = "closed";
    public const string Archived = "archived";
    public const string Retried = "retried";
    public const string Terminated = "terminated";
    public const string Failed = "failed";
    public const string LegalHoldPlaced = "legal-hold-placed";
    public const string LegalHoldReleased = "legal-hold-released";
    public const string CustomerMessage = "customer-message";
    public const string EvidenceAdded = "evidence-added";
    public const string StaffEmailNote = "staff-email-note";
    public const string EmailHeldForReview = "email-held-for-review";
    public const string EvidenceRefused = "evidence-refused";
    public const string AttachmentsRefused = "attachments-refused";
    public const string EmailAuthenticationFailed = "email-authentication-failed";
    public const string AutomaticEmailIgnored = "automatic-email-ignored";
    public const string EscalationRequested = "escalation-requested";
    public const string Withdrawn = "withdrawn";
    public const string Note = "note";
    public const string Reassigned = "reassigned";

    public static IReadOnlyList<string> All { get; } =
        [.. typeof(TimelineCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}
