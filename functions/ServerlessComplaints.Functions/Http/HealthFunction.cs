using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessComplaints.Functions.Http;

/// <summary><c>GET /healthz</c>: alive, and whether table storage answers.</summary>
public sealed class HealthFunction(TableServiceClient tables)
{
    [Function("Health")]
    public async Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest request)
    {
        try
        {
            await tables.GetPropertiesAsync(request.HttpContext.RequestAborted);
            return new OkObjectResult(new { status = "healthy", storage = "reachable" });
        }
        catch (Azure.RequestFailedException)
        {
            return new ObjectResult(new { status = "unhealthy", storage = "unreachable" }) { StatusCode = 503 };
        }
    }
}
