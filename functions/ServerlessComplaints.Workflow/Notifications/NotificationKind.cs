using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>Every mail the workflow sends.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NotificationKind>))]
public enum NotificationKind
{
    Acknowledgement,

    /// <summary>The status link again, asked for on the lookup page (tracking number + email), not by the workflow.</summary>
    StatusLink,

    Assignment,
    Reminder,
    Escalation,
    ExtensionNotice,
    InquiryAnswer,
    SuggestionReply,
    ApprovalRequest,
    ApprovalEscalated,
    ApprovalRejected,
    Offer,
    OfferReminder,
    RevisionRequest,
    NegotiationEscalated,
    ExecutionRequest,
    ExecutionNotice,
    Survey,
    Reopened,
    Closure,
    CustomerMessage,
    EscalationRequested,
    CaseWithdrawn,

    /// <summary>To a case's new owner when staff reassign it (not sent by the workflow).</summary>
    Reassigned,
}
