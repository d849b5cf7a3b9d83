using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Lifecycle.Events;

/// <summary>A new remedy from the owner (after a rejection or a decline) or the manager's final offer.</summary>
public sealed record RevisedOffer(string StaffId, Remedy Remedy);
