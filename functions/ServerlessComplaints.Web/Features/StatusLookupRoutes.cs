using System.Globalization;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Workflow.Api;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// Lookup without the mail link: <c>GET /lookup</c> shows the form (tracking number + email) in the page's language;
/// <c>POST /lookup</c> (works without JavaScript) queues a well-formed lookup for <see cref="LookupMailQueue"/> and
/// answers with one page, whether or not the pair matches a case — the link itself only ever travels by mail. Bad
/// input comes back as the form with its errors (400); the lookup's own per-client budget
/// (<see cref="LookupRateLimiter"/>), not the form's, answers 429.
/// </summary>
internal static class StatusLookupRoutes
{
    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("LookupPage", RouteTemplates.Lookup, RouteKind.Page, request => Task.FromResult<IResult>(Form(PageLanguage.For(request.Request), StatusLookup.NewKey()))),
        WebRoute.Post("SubmitLookup", RouteTemplates.Lookup, RouteKind.Page, SubmitAsync),
    ];

    private static async Task<IResult> SubmitAsync(RouteRequest request)
    {
        var form = await ReadFormAsync(request);
        var language = PageLanguage.Known(form?["language"].ToString()) ?? PageLanguage.For(request.Request);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [StatusLookup.TrackingNumberField] = form?[StatusLookup.TrackingNumberField].ToString() ?? "",
            [StatusLookup.EmailField] = form?[StatusLookup.EmailField].ToString() ?? "",
        };
        var input = request.Service<StatusLookup>().Read(values[StatusLookup.TrackingNumberField], values[StatusLookup.EmailField], form?["lookupKey"].ToString());
        if (input.Request is not { } lookup)
        {
            return Form(language, form?["lookupKey"].ToString() is { } key && StatusLookup.IsKey(key) ? key : StatusLookup.NewKey(), values, input.Errors, status: StatusCodes.Status400BadRequest);
        }

        if (request.Service<LookupRateLimiter>().RefuseClient(request.Http) is { } wait)
        {
            request.Http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Form(language, lookup.Key, values, retryMinutes: Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)), status: StatusCodes.Status429TooManyRequests);
        }

        // Queued, not looked up: this answer takes the same time and reads the same whether or not a case matches.
        request.Service<LookupMailQueue>().Enqueue(lookup);
        return Page.Of<LookupPage>(language, new { Lang = language, Sent = true });
    }

    private static async Task<IFormCollection?> ReadFormAsync(RouteRequest request)
    {
        if (!request.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            return await request.Request.ReadFormAsync(request.Aborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            // An unreadable body reads as an empty form: both fields are then reported missing.
            return null;
        }
    }

    private static PageResult<LookupPage> Form(
        string language, string key, IReadOnlyDictionary<string, string>? values = null, IReadOnlyDictionary<string, string>? errors = null, int? retryMinutes = null, int status = StatusCodes.Status200OK) =>
        Page.Of<LookupPage>(language, new { Lang = language, LookupKey = key, Values = values, Errors = errors, RetryMinutes = retryMinutes }, status);
}
