using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Authorization;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// The staff case page: <c>GET /staff/cases/{trackingNumber}</c> (the whole case, and a form per action the signed-in
/// person may take now), <c>POST /staff/cases/{trackingNumber}/{action}</c> (one action: the staff API's
/// <see cref="StaffHandler.ActAsync"/>, the same decision and behaviour; success → 303 back to the page with a
/// message, field errors → the page again, 400, a refusal → the page with the reason, 403/409) and
/// <c>POST /staff/reassign</c> (the queue's bulk reassignment, each case through the same action). Every post checks
/// its antiforgery token first; no session → 303 to the sign-in page, coming back here.
/// </summary>
internal static class StaffCaseRoutes
{
    /// <summary>The case page's form for approve or reject: its "decision" field says which.</summary>
    public const string ApprovalForm = "approval";

    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("StaffCasePage", RouteTemplates.StaffCase, RouteKind.Page, PageAsync),
        WebRoute.Post("StaffCasePost", RouteTemplates.StaffCasePost, RouteKind.Page, PostAsync),
        WebRoute.Post("StaffReassign", RouteTemplates.StaffReassign, RouteKind.Page, BulkReassignAsync),
    ];

    private static async Task<IResult> PageAsync(RouteRequest request)
    {
        var language = PageLanguage.For(request.Request);
        var tn = request.Value("trackingNumber");
        if (request.Service<StaffSessions>().Current(request.Http) is not { } staff)
        {
            return StaffPageRoutes.SignInFirst(request, language);
        }

        var q = request.Request.Query;
        var done = q["done"].ToString() is { Length: > 0 } d && FormKeys.Contains(d) ? d : null;
        return await RenderAsync(request, language, tn, staff, new PageState { Done = done, ApprovalRequired = done is not null && q["approval"] == "1" });
    }

    private static async Task<IResult> PostAsync(RouteRequest request)
    {
        if (await RefusedAsync(request) is { } refused)
        {
            return refused;
        }

        var form = await request.Request.ReadFormAsync(request.Aborted);
        var language = PageLanguage.Known(form[PageLanguage.FormFieldName].ToString()) ?? PageLanguage.For(request.Request);
        var tn = request.Value("trackingNumber");
        if (request.Service<StaffSessions>().Current(request.Http) is not { } staff)
        {
            return SignIn(request, language, CasePath(tn));
        }

        var key = request.Value("action");
        var values = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        if (!FormKeys.Contains(key))
        {
            return Message(request, language, StaffMessagePage.NotFound, StatusCodes.Status404NotFound);
        }

        // One form for approve and reject: without a choice nothing is decided.
        var action = key == ApprovalForm ? values.GetValueOrDefault("decision") switch { "approve" => "approve", "reject" => "reject", _ => null } : key;
        if (action is null)
        {
            return await RenderAsync(request, language, tn, staff, new PageState
            {
                Failed = key, Values = values, Errors = new Dictionary<string, string[]> { ["decision"] = ["decision is required (approve or reject)."] },
            }, StatusCodes.Status400BadRequest);
        }

        var response = await request.Cases.Staff.ActAsync(tn, action, StaffActionForm.ToBody(values), staff, request.Aborted);
        var problem = response.Body as ProblemBody;
        if (response.StatusCode < 300 && key == CaseActions.Of(CaseAction.Reassign).WireName
            && (await request.Cases.StaffCase.ViewAsync(tn, staff, request.Aborted))?.Access is null or CaseAccess.None)
        {
            // Handed to another department: the case is no longer the manager's to see; the queue says it went.
            return Redirect(request, $"/staff?lang={Uri.EscapeDataString(language)}&reassigned=1&refused=0");
        }

        return response.StatusCode switch
        {
            < 300 => Redirect(request, $"{CasePath(tn)}?lang={Uri.EscapeDataString(language)}&done={key}{(response.Body is StaffActionAccepted { ApprovalRequired: true } ? "&approval=1" : "")}"),
            StatusCodes.Status404NotFound => Message(request, language, StaffMessagePage.NotFound, StatusCodes.Status404NotFound),
            StatusCodes.Status400BadRequest => await RenderAsync(request, language, tn, staff, new PageState { Failed = key, Values = values, Errors = problem?.Errors }, StatusCodes.Status400BadRequest),
            _ => await RenderAsync(request, language, tn, staff, new PageState { Refusal = RefusalOf(response.StatusCode, problem) }, response.StatusCode),
        };
    }

    /// <summary>The queue's bulk reassignment: each case through the same action; then the queue with the counts.</summary>
    private static async Task<IResult> BulkReassignAsync(RouteRequest request)
    {
        if (await RefusedAsync(request) is { } refused)
        {
            return refused;
        }

        var form = await request.Request.ReadFormAsync(request.Aborted);
        var language = PageLanguage.Known(form["lang"].ToString()) ?? PageLanguage.Known(form[PageLanguage.FormFieldName].ToString()) ?? PageLanguage.For(request.Request);
        if (request.Service<StaffSessions>().Current(request.Http) is not { } staff)
        {
            return SignIn(request, language, "/staff");
        }

        var body = new StaffActionBody { Owner = form["owner"].ToString(), Reason = form["reason"].ToString() is { Length: > 0 } reason ? reason : null };
        int reassigned = 0, refusedCount = 0;
        foreach (var tn in form["cases"].Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxBulk))
        {
            var response = await request.Cases.Staff.ActAsync(tn, CaseActions.Of(CaseAction.Reassign).WireName, body, staff, request.Aborted);
            if (response.StatusCode < 300)
            {
                reassigned++;
            }
            else
            {
                refusedCount++;
            }
        }

        return Redirect(request, $"/staff?lang={Uri.EscapeDataString(language)}&reassigned={reassigned}&refused={refusedCount}");
    }

    /// <summary>At most this many cases in one bulk reassignment (a page of the queue).</summary>
    public const int MaxBulk = 100;

    private static readonly HashSet<string> FormKeys =
    [
        .. CaseActions.Rules.Where(r => !r.CustomerOnly && r.Action is not (CaseAction.Approve or CaseAction.Reject)).Select(r => r.WireName), ApprovalForm,
    ];

    private sealed record PageState
    {
        public string? Done { get; init; }

        public bool ApprovalRequired { get; init; }

        public string? Failed { get; init; }

        public IReadOnlyDictionary<string, string>? Values { get; init; }

        public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

        public AuthorizationDecision? Refusal { get; init; }
    }

    private static async Task<IResult> RenderAsync(RouteRequest request, string language, string tn, StaffMember staff, PageState state, int status = StatusCodes.Status200OK)
    {
        var view = await request.Cases.StaffCase.ViewAsync(tn, staff, request.Aborted);
        if (view is null)
        {
            return Message(request, language, StaffMessagePage.NotFound, StatusCodes.Status404NotFound);
        }

        if (view.Access == CaseAccess.None)
        {
            return Message(request, language, StaffMessagePage.Forbidden, StatusCodes.Status403Forbidden);
        }

        var links = request.Service<EvidenceLinks>();
        var lifetime = TimeSpan.FromMinutes(StaffCasePage.EvidenceLinkMinutes);
        var earlier = await EarlierCases.ListAsync(request.Service<ICustomerCases>(), view.Record, request.Aborted);
        var page = Page.Of<StaffCasePage>(language, new
        {
            Lang = language,
            View = view,
            Viewer = staff,
            Antiforgery = request.Service<IAntiforgery>().GetAndStoreTokens(request.Http),
            Now = request.Service<TimeProvider>().GetUtcNow().UtcDateTime,
            EvidenceUrls = view.Evidence.ToDictionary(e => e.BlobName, e => "/evidence/" + links.Token(e.BlobName, lifetime), StringComparer.Ordinal),
            EarlierCases = earlier,
            state.Done,
            state.ApprovalRequired,
            state.Failed,
            state.Values,
            state.Errors,
            state.Refusal,
        }, status);
        return page.At(new PageLink(CasePath(view.Record.TrackingNumber), new Dictionary<string, string>()));
    }

    private static AuthorizationDecision RefusalOf(int status, ProblemBody? problem) =>
        new(status == StatusCodes.Status403Forbidden ? AuthorizationVerdict.Forbidden : AuthorizationVerdict.NotNow, problem?.Detail ?? "")
        {
            Code = problem?.Code ?? DecisionCodes.NotExpected,
            Values = problem?.Values ?? new Dictionary<string, string>(),
        };

    /// <summary>A post that is no form or carries no valid antiforgery token: refused (400) before anything else is read.</summary>
    private static async Task<IResult?> RefusedAsync(RouteRequest request)
    {
        if (request.Request.HasFormContentType && await request.Service<IAntiforgery>().IsRequestValidAsync(request.Http))
        {
            return null;
        }

        var language = PageLanguage.OfPostedForm(request.Request) ?? PageLanguage.For(request.Request);
        return Message(request, language, StaffMessagePage.FormExpired, StatusCodes.Status400BadRequest);
    }

    private static string CasePath(string tn) => "/staff/cases/" + Uri.EscapeDataString(tn);

    // In the staff shell when someone is signed in; after a post the language switch leads to the queue (the post's address takes no GET).
    private static IResult Message(RouteRequest request, string language, string kind, int status)
    {
        var staff = request.Service<StaffSessions>().Current(request.Http);
        var antiforgery = staff is null ? null : request.Service<IAntiforgery>().GetAndStoreTokens(request.Http);
        return Page.Of<StaffMessagePage>(language, new { Lang = language, Kind = kind, Staff = staff, Antiforgery = antiforgery }, status)
            .At(HttpMethods.IsGet(request.Request.Method) ? PageLink.Of(request.Request) : new PageLink("/staff", new Dictionary<string, string>()));
    }

    // A post cannot be returned to: the sign-in leads back to the page it came from.
    private static IResult SignIn(RouteRequest request, string language, string returnUrl) =>
        Redirect(request, $"/staff/sign-in?lang={Uri.EscapeDataString(language)}&{StaffReturnUrl.QueryName}={Uri.EscapeDataString(StaffReturnUrl.OrQueue(returnUrl + "?lang=" + language, language))}");

    private static IResult Redirect(RouteRequest request, string location)
    {
        request.Http.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }
}
