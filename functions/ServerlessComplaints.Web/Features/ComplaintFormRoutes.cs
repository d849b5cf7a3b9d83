using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// The complaint form: <c>GET /</c> in one language, <c>POST /</c> (multipart, works without JavaScript; form.js
/// asks for JSON with <c>Accept: application/json</c>), and the confirmation page it redirects to
/// (<c>GET /submitted/{trackingNumber}?t=…</c>, POST-redirect-GET). The form carries one Idempotency-Key per page
/// load, so a double click or a resend is one case.
/// </summary>
internal static class ComplaintFormRoutes
{
    // A second click arrives while the first is still being handled (409): wait for the first answer, briefly.
    private static readonly TimeSpan InProgressWait = TimeSpan.FromMilliseconds(250);
    private const int InProgressAttempts = 20;

    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("FormPage", RouteTemplates.Root, RouteKind.Page, request => Task.FromResult<IResult>(Form(PageLanguage.For(request.Request), NewKey()))),
        WebRoute.Post("SubmitForm", RouteTemplates.Root, RouteKind.Page, SubmitAsync) with { RateLimited = true },
        WebRoute.Get("FormScript", RouteTemplates.FormScript, RouteKind.Asset, _ => Task.FromResult(StaticAssets.Get(FormPage.FormScriptPath))),
        WebRoute.Get("ConfirmationPage", RouteTemplates.Confirmation, RouteKind.Page, ConfirmationAsync) with { RateLimited = true },
    ];

    private static async Task<IResult> SubmitAsync(RouteRequest request)
    {
        var wantsJson = !WebProblems.WantsPage(request.Request);
        var (intake, error) = await IntakeRequestReader.ReadAsync(request.Request, Channel.Web, null, request.Aborted);
        // The reader has read the form (or failed to): this is its cached copy, never a second read of the body.
        var form = request.Http.Features.Get<IFormFeature>()?.Form;
        var language = PageLanguage.Known(form?[PageLanguage.FormFieldName].ToString()) ?? PageLanguage.For(request.Request);
        var key = form?["idempotencyKey"].ToString() is { Length: > 0 } k ? k : intake?.IdempotencyKey ?? NewKey();
        var values = form?.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal) ?? [];
        if (intake is null)
        {
            return Unreadable(request, error!, wantsJson, language, key, values);
        }

        intake = intake with { IdempotencyKey = key, ErrorCulture = CaseCulture.Of(language) };
        intake = intake with { Submission = intake.Submission is { } s ? s with { Language = s.Language ?? language } : null };
        var response = await request.Cases.Intake.SubmitAsync(intake, request.Aborted);
        for (var attempt = 0; response.StatusCode == StatusCodes.Status409Conflict && attempt < InProgressAttempts; attempt++)
        {
            await Task.Delay(InProgressWait, request.Aborted);
            response = await request.Cases.Intake.SubmitAsync(intake, request.Aborted);
        }

        if (response.Body is IntakeAccepted accepted)
        {
            var confirmation = ConfirmationUrl(request, accepted.TrackingNumber, language);
            return wantsJson ? Results.Json(new { accepted.TrackingNumber, ConfirmationUrl = confirmation }) : new SeeOther(confirmation);
        }

        var problem = response.Body as ProblemBody;
        if (response.StatusCode == StatusCodes.Status400BadRequest && problem?.Errors is { } refused)
        {
            // Field errors are already in the page's language (ErrorCulture); the files' are reworded here, each naming its file.
            var errors = request.Service<FormRefusals>().Reword(refused, intake.Files, language);
            return wantsJson
                ? Invalid(request, errors, language)
                : Form(language, key, values, errors, status: StatusCodes.Status400BadRequest, filesDropped: intake.Files.Count > 0);
        }

        if (wantsJson)
        {
            return response.ToResult();
        }

        return response.StatusCode switch
        {
            // The key went with another submission (sent, then changed after Back): a fresh key makes this one a new case.
            StatusCodes.Status422UnprocessableEntity => Form(language, NewKey(), values, messageKey: "Form.AlreadySent", status: StatusCodes.Status422UnprocessableEntity),
            StatusCodes.Status503ServiceUnavailable => Form(language, key, values, messageKey: "Error.Unavailable.Detail", status: StatusCodes.Status503ServiceUnavailable),
            _ => Form(language, key, values, messageKey: "Form.Busy", status: response.StatusCode),
        };
    }

    // A body too large for the host names no file (none was read): the limit on all files together, beside the file input.
    private static IResult Unreadable(RouteRequest request, string error, bool wantsJson, string language, string key, IReadOnlyDictionary<string, string> values)
    {
        if (error != IntakeRequestReader.TooLarge)
        {
            return wantsJson ? WebProblems.Unreadable(error) : Form(language, key, values, messageKey: "Form.Unreadable", status: StatusCodes.Status400BadRequest);
        }

        var errors = new Dictionary<string, string[]> { [EvidenceBatchCheck.ErrorKey] = [request.Service<FormRefusals>().TotalTooLarge(language)] };
        return wantsJson
            ? Invalid(request, errors, language, StatusCodes.Status413PayloadTooLarge)
            : Form(language, key, values, errors, status: StatusCodes.Status413PayloadTooLarge, filesDropped: true);
    }

    // The RFC 7807 shape form.js reads, worded in the page's language.
    private static IResult Invalid(RouteRequest request, IReadOnlyDictionary<string, string[]> errors, string language, int status = StatusCodes.Status400BadRequest)
    {
        request.Http.Response.Headers.ContentLanguage = language;
        return ApiResponse.Problem(status, request.Service<PageText>().In(language, "Form.FixErrors"), errors: errors).ToResult();
    }

    private static async Task<IResult> ConfirmationAsync(RouteRequest request)
    {
        var trackingNumber = request.Value("trackingNumber");
        var token = request.Request.Query["t"].ToString();
        var view = await request.Cases.Status.FindAsync(trackingNumber, token, null, request.Aborted);
        if (view is null)
        {
            return CustomerPageRoutes.NotFound(request);
        }

        var language = PageLanguage.For(request.Request, view.Language);
        // Right after the post the case may not be assessed yet: its deadline is the plan's, which assessment sets the same.
        var due = view.DueAtUtc ?? request.Service<SlaClock>().Plan(view.KindCode, view.ReceivedAtUtc).DueUtc;
        var deadline = request.Service<CaseTimes>().Deadline(due, CaseCulture.Of(language));
        var statusUrl = $"/status/{WebUtility.UrlEncode(trackingNumber)}?t={WebUtility.UrlEncode(token)}&lang={language}";
        return Page.Of<ConfirmationPage>(language, new { View = view, Lang = language, StatusUrl = statusUrl, Deadline = deadline });
    }

    private static string ConfirmationUrl(RouteRequest request, string trackingNumber, string language) =>
        $"/submitted/{trackingNumber}?t={WebUtility.UrlEncode(request.Service<StatusLinks>().TokenFor(trackingNumber))}&lang={language}";

    private static PageResult<FormPage> Form(string language, string key, IReadOnlyDictionary<string, string>? values = null, IReadOnlyDictionary<string, string[]>? errors = null, string? messageKey = null, int status = StatusCodes.Status200OK, bool filesDropped = false) =>
        Page.Of<FormPage>(language, new { Lang = language, IdempotencyKey = key, Values = values, Errors = errors, MessageKey = messageKey, FilesDropped = filesDropped }, status);

    private static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>303: the browser follows with a GET, so a reload of the confirmation never posts again.</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
