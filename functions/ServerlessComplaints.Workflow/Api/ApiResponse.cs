namespace ServerlessComplaints.Workflow.Api;

/// <summary>A host-neutral HTTP answer: each host maps it to its own result type.</summary>
public sealed record ApiResponse(int StatusCode, object? Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public bool IsProblem => Body is ProblemBody;

    public static ApiResponse Ok(object body) => new(200, body);

    public static ApiResponse Accepted(object body, string location) => new(202, body, new Dictionary<string, string> { ["Location"] = location });

    public static ApiResponse Problem(int status, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new ProblemBody($"https://httpstatuses.io/{status}", title, status, detail, errors), headers);

    public static ApiResponse Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Problem(400, "The request has invalid fields.", "See errors for what to correct.", errors);

    /// <summary>The same answer for a missing case and one the caller may not see: no enumeration.</summary>
    public static ApiResponse NotFound() => Problem(404, "No such case.", "Check the tracking number and use the link from your acknowledgement.");

    public static ApiResponse Unavailable(string detail) =>
        Problem(503, "The service is temporarily unavailable.", detail, headers: new Dictionary<string, string> { ["Retry-After"] = "30" });
}
