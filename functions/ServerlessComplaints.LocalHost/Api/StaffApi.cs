using System.Text.Json;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.LocalHost.Api;

/// <summary>Staff routes, every one behind a bearer key mapped to a staff member of the directory.</summary>
internal static class StaffApi
{
    private const string StaffItem = "staff";

    public static IEndpointRouteBuilder MapStaff(this IEndpointRouteBuilder routes)
    {
        var staff = routes.MapGroup("/api/staff/complaints").AddEndpointFilter(async (context, next) =>
        {
            var auth = context.HttpContext.RequestServices.GetRequiredService<StaffAuthenticator>();
            if (auth.Authenticate(context.HttpContext.Request.Headers.Authorization.ToString()) is not { } member)
            {
                context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
                return ApiResults.Problem(context.HttpContext, 401, "Staff authentication required.", "Send Authorization: Bearer <your staff API key>.");
            }

            context.HttpContext.Items[StaffItem] = member;
            return await next(context);
        });

        staff.MapGet("/", async (HttpContext http, StaffHandler handler, string? stage, string? kind, string? category, bool? overdue, int? take, TimeProvider time, CancellationToken ct) =>
        {
            var query = new CaseQuery(stage, Parse<ComplaintKind>(kind), ParseCategory(category), overdue == true ? time.GetUtcNow().UtcDateTime : null, take ?? 100);
            return (await handler.ListAsync(query, ct)).ToResult(http);
        });
        staff.MapGet("/{trackingNumber}", async (string trackingNumber, HttpContext http, StaffHandler handler, CancellationToken ct) =>
            (await handler.DetailAsync(trackingNumber, ct)).ToResult(http));
        staff.MapPost("/", async (HttpContext http, StaffHandler handler, CancellationToken ct) =>
        {
            var body = await ReadJsonAsync<StaffCaseRequest>(http, ct);
            return body.Error is { } error
                ? ApiResults.Problem(http, 400, "The request could not be read.", error)
                : (await handler.CreateAsync(body.Value?.Case, body.Value?.Channel, Member(http), http.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } k ? k : null, ct)).ToResult(http);
        });
        staff.MapPost("/{trackingNumber}/{action}", async (string trackingNumber, string action, HttpContext http, StaffHandler handler, CancellationToken ct) =>
        {
            var body = await ReadJsonAsync<StaffActionBody>(http, ct);
            return body.Error is { } error
                ? ApiResults.Problem(http, 400, "The request could not be read.", error)
                : (await handler.ActAsync(trackingNumber, action, body.Value, Member(http), ct)).ToResult(http);
        });
        return routes;
    }

    private static StaffMember Member(HttpContext http) => (StaffMember)http.Items[StaffItem]!;

    private static async Task<(T? Value, string? Error)> ReadJsonAsync<T>(HttpContext http, CancellationToken ct)
    {
        if (http.Request.ContentLength == 0)
        {
            return (default, null);
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(http.Request.Body, WorkflowJson.Options, ct), null);
        }
        catch (JsonException ex)
        {
            return (default, $"The JSON body is malformed: {ex.Message}");
        }
    }

    private static T? Parse<T>(string? value)
        where T : struct, Enum => Enum.TryParse<T>(value, ignoreCase: true, out var parsed) ? parsed : null;

    private static Category? ParseCategory(string? value) =>
        value is null ? null : Enum.GetValues<Category>().Cast<Category?>().FirstOrDefault(c => JsonSerializer.Serialize(c, WorkflowJson.Options).Trim('"') == value);

    private sealed record StaffCaseRequest(string? Channel, ComplaintSubmission? Case);
}
