using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Notifications;

/// <summary>Every mail the workflow sends.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NotificationKind>))]
public enum NotificationKind
{
    Acknowledgement,
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
}
