namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>The answer to an inquiry, sent to the customer as written.</summary>
public sealed record InquiryAnswered(string StaffId, string Answer) : IExpectedEvent
{
    /// <summary>The round of the expectation this answers; an event for another round is dropped.</summary>
    public string? Round { get; init; }
}
