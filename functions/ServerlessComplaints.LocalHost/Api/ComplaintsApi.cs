using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.LocalHost.Api;

/// <summary>The public complaint routes: submit, and read a status with the link's token or the submitter's email.</summary>
internal static class ComplaintsApi
{
    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/complaints", async (HttpContext http, IntakeHandler intake, CancellationToken ct) =>
        {
            var (request, error) = await IntakeRequestReader.ReadAsync(http.Request, Channel.Web, null, ct);
            return request is null
                ? ApiResults.Problem(http, error!.StartsWith("Send", StringComparison.Ordinal) ? 415 : 400, "The request could not be read.", error)
                : (await intake.SubmitAsync(request, ct)).ToResult(http);
        }).RequireRateLimiting(RateLimits.Public);

        routes.MapGet("/api/complaints/{trackingNumber}", async (string trackingNumber, HttpContext http, StatusHandler status, CancellationToken ct) =>
        {
            var token = http.Request.Query["t"].ToString() is { Length: > 0 } q ? q : http.Request.Headers["X-Access-Token"].ToString();
            var email = http.Request.Headers["X-Customer-Email"].ToString();
            return (await status.GetAsync(trackingNumber, token, email, ct)).ToResult(http);
        }).RequireRateLimiting(RateLimits.Public);

        return routes;
    }
}
