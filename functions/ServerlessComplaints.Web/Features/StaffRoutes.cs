using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// The staff API: the queue (filters: stage, kind, category, overdue, take), a case in full, logging a phone or
/// counter case, and the case actions. The host's <see cref="IStaffSignIn"/> identifies the caller before anything
/// else, Durable included, is touched.
/// </summary>
internal static class StaffRoutes
{
    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("StaffQueue", RouteTemplates.StaffComplaints, RouteKind.Api, SignedIn(QueueAsync)),
        WebRoute.Post("StaffLogCase", RouteTemplates.StaffComplaints, RouteKind.Api, SignedIn(LogCaseAsync)),
        WebRoute.Get("StaffCaseDetail", RouteTemplates.StaffComplaint, RouteKind.Api, SignedIn(DetailAsync)),
        WebRoute.Post("StaffCaseAction", RouteTemplates.StaffCaseAction, RouteKind.Api, SignedIn(ActAsync)),
    ];

    private static Func<RouteRequest, Task<IResult>> SignedIn(Func<RouteRequest, StaffMember, Task<IResult>> handler) => async request =>
    {
        var signIn = await request.Service<IStaffSignIn>().SignInAsync(request.Request, request.Aborted);
        return signIn.Staff is { } staff ? await handler(request, staff) : signIn.Refusal().ToResult();
    };

    private static async Task<IResult> QueueAsync(RouteRequest request, StaffMember staff)
    {
        var q = request.Request.Query;
        var overdue = q["overdue"].ToString() == "true" ? request.Service<TimeProvider>().GetUtcNow().UtcDateTime : (DateTime?)null;
        var take = int.TryParse(q["take"], System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : 100;
        CaseStage? stage = null;
        if (NonEmpty(q["stage"]) is { } stageName)
        {
            if (!WireNames.TryParse<CaseStage>(stageName, out var known) || known == CaseStage.Unknown)
            {
                return ApiResponse.Invalid(new Dictionary<string, string[]> { ["stage"] = [$"Unknown stage; use one of {string.Join(", ", StageNames)}."] }).ToResult();
            }

            stage = known;
        }

        var query = new CaseQuery(stage, Parse<ComplaintKind>(NonEmpty(q["kind"])), ParseCategory(NonEmpty(q["category"])), overdue, take);
        return (await request.Cases.Staff.ListAsync(query, request.Aborted)).ToResult();
    }

    private static async Task<IResult> DetailAsync(RouteRequest request, StaffMember staff) =>
        (await request.Cases.Staff.DetailAsync(request.Value("trackingNumber"), request.Aborted)).ToResult();

    private static async Task<IResult> LogCaseAsync(RouteRequest request, StaffMember staff)
    {
        var (body, error) = await ReadJsonAsync<StaffCaseRequest>(request);
        return error is not null
            ? WebProblems.Unreadable(error)
            : (await request.Cases.Staff.CreateAsync(body?.Case, body?.Channel, staff, request.Header("Idempotency-Key"), request.Aborted)).ToResult();
    }

    private static async Task<IResult> ActAsync(RouteRequest request, StaffMember staff)
    {
        var (body, error) = await ReadJsonAsync<StaffActionBody>(request);
        return error is not null
            ? WebProblems.Unreadable(error)
            : (await request.Cases.Staff.ActAsync(request.Value("trackingNumber"), request.Value("action"), body, staff, request.Aborted)).ToResult();
    }

    private static async Task<(T? Value, string? Error)> ReadJsonAsync<T>(RouteRequest request)
    {
        if (request.Request.ContentLength == 0)
        {
            return (default, null);
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(request.Request.Body, WorkflowJson.Options, request.Aborted), null);
        }
        catch (JsonException ex)
        {
            return (default, $"The JSON body is malformed: {ex.Message}");
        }
    }

    private static readonly string[] StageNames = [.. Enum.GetValues<CaseStage>().Where(s => s != CaseStage.Unknown).Select(s => WireNames.Of(s))];

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } s ? s : null;

    private static T? Parse<T>(string? value)
        where T : struct, Enum => Enum.TryParse<T>(value, ignoreCase: true, out var parsed) ? parsed : null;

    private static Category? ParseCategory(string? value) =>
        value is null ? null : Enum.GetValues<Category>().Cast<Category?>().FirstOrDefault(c => JsonSerializer.Serialize(c, WorkflowJson.Options).Trim('"') == value);

    private sealed record StaffCaseRequest(string? Channel, ComplaintSubmission? Case);
}
