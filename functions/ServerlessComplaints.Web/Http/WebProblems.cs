using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Web.Http;

/// <summary>
/// Every RFC 7807 answer of the web surface is made here, and every failure that escapes a handler is mapped here:
/// storage that does not answer is a 503 with <c>Retry-After</c> (nothing was changed, try again), anything else a 500
/// without internals (the details go to the log only). A failure is answered in the caller's language
/// (<see cref="Failure"/>): a page for a browser on a page route, else a problem whose title and detail are the same words.
/// </summary>
public static class WebProblems
{
    /// <summary>The page words of the failures this class answers: <c>Error.{kind}.Title</c> and <c>Error.{kind}.Detail</c>.</summary>
    public static class Kinds
    {
        public const string Unexpected = "Unexpected";
        public const string Unavailable = "Unavailable";
        public const string TooManyRequests = "TooManyRequests";
        public const string MethodNotAllowed = "MethodNotAllowed";
        public const string EvidenceLink = "EvidenceLink";

        public static IReadOnlyList<string> All { get; } = [Unexpected, Unavailable, TooManyRequests, MethodNotAllowed, EvidenceLink];
    }

    /// <summary>Seconds a client waits after a 503 before trying again.</summary>
    public const string UnavailableRetryAfter = "30";

    public static IResult Problem(int status, string title, string? detail = null, IReadOnlyDictionary<string, string>? headers = null) =>
        ApiResponse.Problem(status, title, detail, headers: headers).ToResult();

    public static IResult Unreadable(string error) =>
        Problem(
            error == IntakeRequestReader.TooLarge ? StatusCodes.Status413PayloadTooLarge : error.StartsWith("Send", StringComparison.Ordinal) ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest,
            "The request could not be read.",
            error);

    public static IResult StorageUnavailable() =>
        ApiResponse.Unavailable("Storage is unreachable; nothing was changed. Please try again shortly.").ToResult();

    public static IResult Unexpected() => Problem(500, "Something went wrong on our side.", "The error was logged; please try again.");

    /// <summary>Storage (Azure SDK, network, time-outs) failed: the caller may retry the same request.</summary>
    public static bool IsStorageFailure(Exception exception) =>
        exception is Azure.RequestFailedException or HttpRequestException or TimeoutException or AggregateException;

    /// <summary>The exception mapping without a request to take a language from (LocalHost's exception handler): English problems.</summary>
    public static IResult ForException(Exception? exception) =>
        exception is not null && IsStorageFailure(exception) ? StorageUnavailable() : Unexpected();

    /// <summary>The one exception mapping of both hosts' routes: 503 + Retry-After or 500, as a page or a problem in the caller's language.</summary>
    public static IResult ForException(Exception exception, bool page) =>
        IsStorageFailure(exception)
            ? Failure(page, StatusCodes.Status503ServiceUnavailable, Kinds.Unavailable, headers: new Dictionary<string, string> { ["Retry-After"] = UnavailableRetryAfter })
            : Failure(page, StatusCodes.Status500InternalServerError, Kinds.Unexpected);

    /// <summary>
    /// A failure in the caller's words: <c>Error.{kind}.Title</c> and <c>.Detail</c> with <paramref name="values"/> filled in.
    /// A page (<see cref="ErrorPage"/>) when <paramref name="page"/>, in the page's language (?lang=, the complaint
    /// form's language field, Accept-Language, else Chinese); otherwise an RFC 7807 problem with the same title and
    /// detail (?lang=, Accept-Language, else English: the API's language). Both carry Content-Language.
    /// </summary>
    public static IResult Failure(bool page, int status, string kind, IReadOnlyDictionary<string, string>? values = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new FailureResult(page, status, kind, values, headers);

    /// <summary>True when a request on a page route wants the page, not JSON (form.js asks with <c>Accept: application/json</c>).</summary>
    public static bool WantsPage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return !request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when a browser asks for this answer (a link opened from a mail): HTML is acceptable and JSON was not asked for.</summary>
    public static bool IsBrowser(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WantsPage(request) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    // Worded as it is written: the language and the words come from the request being answered.
    private sealed class FailureResult(bool page, int status, string kind, IReadOnlyDictionary<string, string>? values, IReadOnlyDictionary<string, string>? headers) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            var request = httpContext.Request;
            var language = PageLanguage.For(request, PageLanguage.OfPostedForm(request), fallback: page ? CaseLanguage.Chinese : CaseLanguage.English);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                httpContext.Response.Headers[name] = value;
            }

            httpContext.Response.Headers.ContentLanguage = language;
            if (page)
            {
                return Page.Of<ErrorPage>(language, new { Lang = language, Kind = kind, Values = values }, status).ExecuteAsync(httpContext);
            }

            var text = httpContext.RequestServices.GetRequiredService<PageText>();
            return Problem(status, text.In(language, $"Error.{kind}.Title"), text.FormatIn(language, $"Error.{kind}.Detail", values)).ExecuteAsync(httpContext);
        }
    }
}
