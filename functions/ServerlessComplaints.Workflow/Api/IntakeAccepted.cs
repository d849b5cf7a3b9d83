namespace ServerlessComplaints.Workflow.Api;

/// <summary>The 202 body: the tracking number and the customer's status link.</summary>
public sealed record IntakeAccepted(string TrackingNumber, string StatusUrl);
