using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ServerlessComplaints.Functions.Durable;
using ServerlessComplaints.LocalHost.Api;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Functions.Http;

/// <summary>The public routes, mapped to the same handlers LocalHost uses (routePrefix is "" in host.json), each behind the per-client limit.</summary>
public sealed class ComplaintFunctions(IntakeHandler intake, StatusHandler status, PublicRateLimiter limits)
{
    [Function("SubmitComplaint")]
    public async Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/complaints")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        if (limits.Refuse(request) is { } tooMany)
        {
            return tooMany;
        }

        AmbientWorkflowClient.Use(client);
        var (intakeRequest, error) = await IntakeRequestReader.ReadAsync(request, Channel.Web, null, request.HttpContext.RequestAborted);
        return intakeRequest is null
            ? ApiResponse.Problem(error!.StartsWith("Send", StringComparison.Ordinal) ? 415 : 400, "The request could not be read.", error).ToActionResult(request.HttpContext)
            : (await intake.SubmitAsync(intakeRequest, request.HttpContext.RequestAborted)).ToActionResult(request.HttpContext);
    }

    [Function("GetComplaintStatus")]
    public async Task<IActionResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/complaints/{trackingNumber}")] HttpRequest request,
        string trackingNumber,
        [DurableClient] DurableTaskClient client)
    {
        if (limits.Refuse(request) is { } tooMany)
        {
            return tooMany;
        }

        AmbientWorkflowClient.Use(client);
        var token = request.Query["t"].ToString() is { Length: > 0 } q ? q : request.Headers["X-Access-Token"].ToString();
        return (await status.GetAsync(trackingNumber, token, request.Headers["X-Customer-Email"].ToString(), request.HttpContext.RequestAborted))
            .ToActionResult(request.HttpContext);
    }
}
