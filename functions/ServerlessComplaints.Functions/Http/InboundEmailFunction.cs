using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ServerlessComplaints.Functions.Durable;
using ServerlessComplaints.LocalHost.Api;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Inbound;

namespace ServerlessComplaints.Functions.Http;

/// <summary><c>POST /api/inbound-email</c>: SendGrid Inbound Parse, the same reader, parser and handler as LocalHost.</summary>
public sealed class InboundEmailFunction(InboundEmailOptions options, InboundEmailParser parser, InboundEmailHandler handler)
{
    [Function("InboundEmail")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inbound-email")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        AmbientWorkflowClient.Use(client);
        var http = request.HttpContext;
        if (!options.IsConfigured)
        {
            return InboundEmailHandler.NotConfigured().ToActionResult(http);
        }

        if (!InboundEmailAuthentication.IsAuthorized(request.Headers.Authorization.ToString(), options))
        {
            http.Response.Headers.WWWAuthenticate = InboundEmailAuthentication.Challenge;
            return ApiResponse.Problem(401, "Authentication required.", "Use the Parse URL with the configured basic-auth secret.").ToActionResult(http);
        }

        var (post, error) = await InboundPostReader.ReadAsync(request, http.RequestAborted);
        var parsed = post is null ? null : parser.Parse(post);
        return parsed?.Message is { } message
            ? (await handler.HandleAsync(message, http.RequestAborted)).ToActionResult(http)
            : ApiResponse.Problem(error == InboundPostReader.TooLarge ? 413 : 400, "The inbound email post could not be read.", error ?? parsed?.Error).ToActionResult(http);
    }
}
