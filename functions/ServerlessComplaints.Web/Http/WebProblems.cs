using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Web.Http;

/// <summary>
/// Every RFC 7807 answer of the web surface is made here, and every failure that escapes a handler is mapped here:
/// storage that does not answer is a 503 with <c>Retry-After</c> (nothing was changed, try again), anything else a 500
/// without internals (the details go to the log only).
/// </summary>
public static class WebProblems
{
    public static IResult Problem(int status, string title, string? detail = null, IReadOnlyDictionary<string, string>? headers = null) =>
        ApiResponse.Problem(status, title, detail, headers: headers).ToResult();

    public static IResult Unreadable(string error) =>
        Problem(error.StartsWith("Send", StringComparison.Ordinal) ? 415 : 400, "The request could not be read.", error);

    public static IResult StorageUnavailable() =>
        ApiResponse.Unavailable("Storage is unreachable; nothing was changed. Please try again shortly.").ToResult();

    public static IResult Unexpected() => Problem(500, "Something went wrong on our side.", "The error was logged; please try again.");

    /// <summary>Storage (Azure SDK, network, time-outs) failed: the caller may retry the same request.</summary>
    public static bool IsStorageFailure(Exception exception) =>
        exception is Azure.RequestFailedException or HttpRequestException or TimeoutException or AggregateException;

    /// <summary>The one exception mapping of both hosts: route failures and LocalHost's exception handler use it.</summary>
    public static IResult ForException(Exception? exception) =>
        exception is not null && IsStorageFailure(exception) ? StorageUnavailable() : Unexpected();

    /// <summary>The same mapping for a page route: a readable page in both languages instead of JSON.</summary>
    public static IResult PageForException(Exception exception) =>
        IsStorageFailure(exception)
            ? new RetryAfterResult(Page.Of<ErrorPage>(CaseLanguage.Chinese, new { MessageKey = "Error.Unavailable" }, StatusCodes.Status503ServiceUnavailable))
            : Page.Of<ErrorPage>(CaseLanguage.Chinese, new { MessageKey = "Error.Unexpected" }, StatusCodes.Status500InternalServerError);

    private sealed class RetryAfterResult(IResult page) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = "30";
            return page.ExecuteAsync(httpContext);
        }
    }
}
