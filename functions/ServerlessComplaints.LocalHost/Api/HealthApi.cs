using Azure.Data.Tables;

namespace ServerlessComplaints.LocalHost.Api;

/// <summary><c>GET /healthz</c>: alive, and whether storage answers (503 with the reason when it does not).</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", async (TableServiceClient tables, CancellationToken ct) =>
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await tables.GetPropertiesAsync(timeout.Token);
                return Results.Json(new { status = "healthy", storage = "reachable" });
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException)
            {
                return Results.Json(new { status = "unhealthy", storage = "unreachable", detail = "Table storage did not answer: " + ex.GetType().Name }, statusCode: 503);
            }
        });
        return routes;
    }
}
