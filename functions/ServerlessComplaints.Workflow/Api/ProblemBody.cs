namespace ServerlessComplaints.Workflow.Api;

/// <summary>An RFC 7807 problem: what went wrong, for people and programs; <see cref="Errors"/> lists field errors.</summary>
public sealed record ProblemBody(string Type, string Title, int Status, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null);
