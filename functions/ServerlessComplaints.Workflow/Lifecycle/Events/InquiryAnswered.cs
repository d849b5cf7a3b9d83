namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>The answer to an inquiry, sent to the customer as written.</summary>
public sealed record InquiryAnswered(string StaffId, string Answer);
