using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ServerlessComplaints.Web.Hosting;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Recourse;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// The customer's status page behind the status link, and its recourse forms (add information and files, ask for a
/// manager's review, withdraw): each form carries a signed single-use token issued with the page, so it needs no
/// antiforgery cookie; the Workflow's <see cref="CustomerRecourse"/> checks it and the case. The form is
/// <see cref="ComplaintFormRoutes"/>.
/// </summary>
internal static class CustomerPageRoutes
{
    public const string MessageStep = "message";
    public const string ReviewStep = "review";
    public const string WithdrawStep = "withdraw";

    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("StatusPage", RouteTemplates.StatusPage, RouteKind.Page, StatusPageAsync) with { RateLimited = true },
        WebRoute.Post("Recourse", RouteTemplates.Recourse, RouteKind.Page, RecourseAsync) with { RateLimited = true },
    ];

    private static async Task<IResult> StatusPageAsync(RouteRequest request)
    {
        var trackingNumber = request.Value("trackingNumber");
        var statusToken = request.Request.Query["t"].ToString();
        var view = await request.Cases.Status.FindAsync(trackingNumber, statusToken, null, request.Aborted);
        if (view is null)
        {
            return NotFound(request);
        }

        return await StatusAsync(request, view, statusToken, null, null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> StatusAsync(
        RouteRequest request, PublicCaseView view, string statusToken, string? failedStep, IReadOnlyDictionary<string, IReadOnlyList<string>>? errors, int status, IReadOnlyDictionary<string, string>? values = null)
    {
        var language = PageLanguage.For(request.Request, view.Language);
        var forms = await request.Cases.Recourse.FormsAsync(view.TrackingNumber, request.Aborted);
        var external = request.Service<IOptions<RecourseOptions>>().Value.ExternalIn(language);
        return Page.Of<StatusPage>(language, new
        {
            View = view,
            Lang = language,
            StatusToken = statusToken,
            Forms = forms,
            External = external,
            FailedStep = failedStep,
            Errors = errors ?? new Dictionary<string, IReadOnlyList<string>>(),
            Values = values ?? new Dictionary<string, string>(),
        }, status);
    }

    private static async Task<IResult> RecourseAsync(RouteRequest request)
    {
        var trackingNumber = request.Value("trackingNumber");
        var step = request.Value("step");
        if (step is not (MessageStep or ReviewStep or WithdrawStep) || !request.Request.HasFormContentType)
        {
            return Done(request, RecourseResult.Of(StatusCodes.Status400BadRequest, "invalid"), trackingNumber, "", null);
        }

        var form = await request.Request.ReadFormAsync(request.Aborted);
        var token = form["token"].ToString();
        var statusToken = form["t"].ToString();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["message"] = form["message"].ToString(),
            // Two forms on one page: the withdrawal's reason has its own field name.
            ["reason"] = form[step == WithdrawStep ? "withdraw-reason" : "reason"].ToString(),
        };
        var recourse = request.Cases.Recourse;
        RecourseResult result;
        switch (step)
        {
            case MessageStep:
                var files = new List<EvidenceUpload>();
                foreach (var file in form.Files.Where(f => f.Name == "evidence" && f.Length > 0))
                {
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, request.Aborted);
                    files.Add(new EvidenceUpload(file.FileName, buffer.ToArray()));
                }

                result = await recourse.AddMessageAsync(trackingNumber, token, values.GetValueOrDefault("message"), files, request.Aborted);
                break;
            case ReviewStep:
                result = await recourse.RequestEscalationAsync(trackingNumber, token, values.GetValueOrDefault("reason"), request.Aborted);
                break;
            default:
                // Withdrawing ends the case: the form asks the customer to confirm it in so many words.
                if (form["confirm"].ToString() != "yes")
                {
                    result = new RecourseResult(StatusCodes.Status400BadRequest, "invalid-fields", null, new Dictionary<string, string[]> { ["confirm"] = [RecourseResult.Required] });
                    break;
                }

                result = await recourse.WithdrawAsync(trackingNumber, token, values.GetValueOrDefault("reason"), request.Aborted);
                break;
        }

        if (result.Errors is { } errors && await request.Cases.Status.FindAsync(trackingNumber, statusToken, null, request.Aborted) is { } view)
        {
            // The case's page again, the customer's words kept and each error beside its field.
            var language = PageLanguage.For(request.Request, view.Language);
            var text = request.Service<PageText>();
            var messages = errors.ToDictionary(
                e => e.Key,
                e => (IReadOnlyList<string>)[.. e.Value.Select(code => code is RecourseResult.Required or RecourseResult.TooLong or RecourseResult.Invisible ? text.In(language, "Recourse.Error." + code) : code)],
                StringComparer.Ordinal);
            return await StatusAsync(request, view, statusToken, step, messages, StatusCodes.Status400BadRequest, values);
        }

        return Done(request, result, trackingNumber, statusToken, result.Claims is null ? null : trackingNumber);
    }

    private static IResult Done(RouteRequest request, RecourseResult result, string trackingNumber, string statusToken, string? knownCase)
    {
        var language = PageLanguage.For(request.Request);
        var statusUrl = knownCase is null || statusToken.Length == 0 ? null : $"/status/{Uri.EscapeDataString(trackingNumber)}?t={Uri.EscapeDataString(statusToken)}";
        return Page.Of<RecoursePage>(language, new { Result = result, StatusUrl = statusUrl, TrackingNumber = knownCase, Lang = language }, result.StatusCode);
    }

    /// <summary>A missing case and a wrong token read the same (no enumeration), in the language asked for.</summary>
    public static IResult NotFound(RouteRequest request)
    {
        var language = PageLanguage.For(request.Request);
        return Page.Of<CaseNotFoundPage>(language, new { Lang = language }, StatusCodes.Status404NotFound);
    }
}
