namespace ServerlessComplaints.Workflow.Api;

/// <summary>An RFC 7807 problem: what went wrong, for people and programs; <see cref="Errors"/> lists field errors.</summary>
public sealed record ProblemBody(string Type, string Title, int Status, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>A refusal's reason as a code (<see cref="Authorization.DecisionCodes"/>), for clients that word it themselves.</summary>
    public string? Code { get; init; }

    /// <summary>What the code's sentence names (amounts, limits, roles, staff ids).</summary>
    public IReadOnlyDictionary<string, string>? Values { get; init; }
}
