namespace ServerlessComplaints.Workflow.Domain;

/// <summary>A remedy offered to the customer; <see cref="Amount"/> is set where money moves.</summary>
public sealed record Remedy(RemedyType Type, decimal? Amount, string Description);
