using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Authorization;

/// <summary>
/// Everything staff and customers can do to a case; each has one wire name. Customer message, escalation request and
/// withdraw are the customer's recourse from the status page; note (an internal note) and reassign (a new owner) are
/// staff steps on the record, outside the workflow.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseAction>))]
public enum CaseAction
{
    [JsonStringEnumMemberName("findings")] Findings,
    [JsonStringEnumMemberName("answer")] Answer,
    [JsonStringEnumMemberName("review")] Review,
    [JsonStringEnumMemberName("extend")] Extend,
    [JsonStringEnumMemberName("approve")] Approve,
    [JsonStringEnumMemberName("reject")] Reject,
    [JsonStringEnumMemberName("offer")] Offer,
    [JsonStringEnumMemberName("customer-response")] CustomerResponse,
    [JsonStringEnumMemberName("execute")] Execute,
    [JsonStringEnumMemberName("survey")] Survey,
    [JsonStringEnumMemberName("legal-hold")] LegalHold,
    [JsonStringEnumMemberName("terminate")] Terminate,
    [JsonStringEnumMemberName("retry")] Retry,
    [JsonStringEnumMemberName("customer-message")] CustomerMessage,
    [JsonStringEnumMemberName("escalation-request")] EscalationRequest,
    [JsonStringEnumMemberName("withdraw")] Withdraw,
    [JsonStringEnumMemberName("note")] Note,
    [JsonStringEnumMemberName("reassign")] Reassign,
}

/// <summary>How an action relates to money: it moves none, proposes an amount (above the actor's limit it goes to approval), or approves one.</summary>
public enum MoneyRule
{
    None,
    Proposes,
    Approves,
}
