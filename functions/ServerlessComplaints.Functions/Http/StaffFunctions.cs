using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ServerlessComplaints.Functions.Durable;
using ServerlessComplaints.Functions.Hosting;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Functions.Http;

/// <summary>
/// Staff routes: the app validates the caller's Entra ID token and maps it to the staff directory before anything else
/// (Durable included) is touched; without staff sign-in configured the routes stay closed.
/// </summary>
public sealed class StaffFunctions(StaffHandler handler, EntraStaffAuthenticator auth, TimeProvider time)
{
    [Function("StaffQueue")]
    public async Task<IActionResult> QueueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/complaints")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var signIn = await auth.AuthenticateAsync(request, request.HttpContext.RequestAborted);
        if (signIn.Staff is null)
        {
            return Refuse(signIn, request);
        }

        AmbientWorkflowClient.Use(client);
        var overdue = request.Query["overdue"] == "true" ? time.GetUtcNow().UtcDateTime : (DateTime?)null;
        var query = new CaseQuery(request.Query["stage"].ToString() is { Length: > 0 } s ? s : null, OverdueAtUtc: overdue);
        return (await handler.ListAsync(query, request.HttpContext.RequestAborted)).ToActionResult(request.HttpContext);
    }

    [Function("StaffCaseDetail")]
    public async Task<IActionResult> DetailAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/complaints/{trackingNumber}")] HttpRequest request,
        string trackingNumber,
        [DurableClient] DurableTaskClient client)
    {
        var signIn = await auth.AuthenticateAsync(request, request.HttpContext.RequestAborted);
        if (signIn.Staff is null)
        {
            return Refuse(signIn, request);
        }

        AmbientWorkflowClient.Use(client);
        return (await handler.DetailAsync(trackingNumber, request.HttpContext.RequestAborted)).ToActionResult(request.HttpContext);
    }

    [Function("StaffLogCase")]
    public async Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/complaints")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var signIn = await auth.AuthenticateAsync(request, request.HttpContext.RequestAborted);
        if (signIn.Staff is not { } staff)
        {
            return Refuse(signIn, request);
        }

        AmbientWorkflowClient.Use(client);
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, WorkflowJson.Options, request.HttpContext.RequestAborted);
        var submission = body.TryGetProperty("case", out var c) ? c.Deserialize<ComplaintSubmission>(WorkflowJson.Options) : null;
        var channel = body.TryGetProperty("channel", out var ch) ? ch.GetString() : null;
        var key = request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } k ? k : null;
        return (await handler.CreateAsync(submission, channel, staff, key, request.HttpContext.RequestAborted)).ToActionResult(request.HttpContext);
    }

    [Function("StaffCaseAction")]
    public async Task<IActionResult> ActAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/complaints/{trackingNumber}/{action}")] HttpRequest request,
        string trackingNumber,
        string action,
        [DurableClient] DurableTaskClient client)
    {
        var signIn = await auth.AuthenticateAsync(request, request.HttpContext.RequestAborted);
        if (signIn.Staff is not { } staff)
        {
            return Refuse(signIn, request);
        }

        AmbientWorkflowClient.Use(client);
        var body = request.ContentLength is null or 0
            ? null
            : await JsonSerializer.DeserializeAsync<StaffActionBody>(request.Body, WorkflowJson.Options, request.HttpContext.RequestAborted);
        return (await handler.ActAsync(trackingNumber, action, body, staff, request.HttpContext.RequestAborted)).ToActionResult(request.HttpContext);
    }

    private static IActionResult Refuse(StaffSignIn signIn, HttpRequest request) => signIn.Refusal().ToActionResult(request.HttpContext);
}
