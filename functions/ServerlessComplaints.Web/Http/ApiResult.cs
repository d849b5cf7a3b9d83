using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Web.Http;

/// <summary>A Workflow answer (<see cref="ApiResponse"/>) as an <see cref="IResult"/>: its headers, then its body as JSON or RFC 7807.</summary>
public sealed class ApiResult(ApiResponse response) : IResult, IStatusCodeHttpResult, IValueHttpResult
{
    public ApiResponse Response { get; } = response;

    public int? StatusCode => Response.StatusCode;

    public object? Value => Response.Body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        foreach (var (name, value) in Response.Headers ?? new Dictionary<string, string>())
        {
            httpContext.Response.Headers[name] = value;
        }

        return Response.Body is null
            ? Results.StatusCode(Response.StatusCode).ExecuteAsync(httpContext)
            : Results.Json(Response.Body, WorkflowJson.Options, Response.IsProblem ? "application/problem+json" : "application/json", Response.StatusCode).ExecuteAsync(httpContext);
    }
}

/// <summary>Maps Workflow answers to results.</summary>
public static class ApiResultExtensions
{
    public static IResult ToResult(this ApiResponse response) => new ApiResult(response);
}
