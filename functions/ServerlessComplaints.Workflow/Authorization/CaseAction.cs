using System.Text.Json.Serialization;

namespace ServerlessComplaints.Workflow.Authorization;

/// <summary>Everything staff and customers can do to a case; each has one wire name. The last three are the customer's recourse from the status page.</summary>
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
}

/// <summary>How an action relates to money: it moves none, proposes an amount (above the actor's limit it goes to approval), or approves one.</summary>
public enum MoneyRule
{
    None,
    Proposes,
    Approves,
}
