using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ServerlessComplaints.Functions.Durable;
using ServerlessComplaints.LocalHost.Pages;
using ServerlessComplaints.Workflow.Api;

namespace ServerlessComplaints.Functions.Http;

/// <summary><c>/actions/{token}</c>: GET confirms, POST acts once; the same handler, page and headers as LocalHost.</summary>
public sealed class ActionLinkFunctions(ActionLinkHandler handler)
{
    [Function("ActionLink")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "actions/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client)
    {
        AmbientWorkflowClient.Use(client);
        PageSecurity.ApplyToPage(request.HttpContext.Response);
        var ct = request.HttpContext.RequestAborted;
        IReadOnlyDictionary<string, string>? values = null;
        ActionLinkResult result;
        if (HttpMethods.IsPost(request.Method))
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
            values = form?.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal) ?? [];
            result = await handler.SubmitAsync(token, values, ct);
        }
        else
        {
            result = await handler.ViewAsync(token, ct);
        }

        var (status, html) = ActionPageView.Render(result, token, values);
        return new ContentResult { StatusCode = status, Content = html, ContentType = "text/html; charset=utf-8" };
    }
}
