using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Routing;

namespace ServerlessComplaints.Web.Features;

/// <summary><c>GET /healthz</c>: alive, and whether storage answers (503 with the reason when it does not).</summary>
internal static class HealthRoutes
{
    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("Health", RouteTemplates.Health, RouteKind.Api, CheckAsync),
    ];

    private static async Task<IResult> CheckAsync(RouteRequest request)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(request.Aborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await request.Service<TableServiceClient>().GetPropertiesAsync(timeout.Token);
            return Results.Json(new { status = "healthy", storage = "reachable" });
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException)
        {
            return Results.Json(new { status = "unhealthy", storage = "unreachable", detail = "Table storage did not answer: " + ex.GetType().Name }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
