using ServerlessComplaints.Workflow.Api;

namespace ServerlessComplaints.LocalHost.Api;

/// <summary>Maps the Workflow library's host-neutral answers to ASP.NET Core results.</summary>
internal static class ApiResults
{
    public static IResult ToResult(this ApiResponse response, HttpContext context)
    {
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        return response.Body is null
            ? Results.StatusCode(response.StatusCode)
            : Results.Json(response.Body, Workflow.Orchestration.WorkflowJson.Options, response.IsProblem ? "application/problem+json" : "application/json", response.StatusCode);
    }

    public static IResult Problem(HttpContext context, int status, string title, string? detail = null) =>
        ApiResponse.Problem(status, title, detail).ToResult(context);
}
