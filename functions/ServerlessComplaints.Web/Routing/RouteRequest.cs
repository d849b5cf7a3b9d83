using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Web.Routing;

/// <summary>
/// One request as a route handler sees it: the HTTP context and the workflow client the host handed in (LocalHost:
/// its engine's client from DI; Functions: the invocation's [DurableClient] binding).
/// </summary>
public sealed class RouteRequest(HttpContext http, IWorkflowClient workflow)
{
    private CaseServices? _cases;

    public HttpContext Http { get; } = http;

    public HttpRequest Request => Http.Request;

    public IWorkflowClient Workflow { get; } = workflow;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The Workflow's case services bound to this request's workflow client.</summary>
    public CaseServices Cases => _cases ??= new CaseServices(Http.RequestServices, Workflow);

    public T Service<T>()
        where T : notnull => Http.RequestServices.GetRequiredService<T>();

    /// <summary>A route value by name ("" when absent).</summary>
    public string Value(string name) => Http.Request.RouteValues.TryGetValue(name, out var value) ? value?.ToString() ?? "" : "";

    public string? Header(string name) => Request.Headers[name].ToString() is { Length: > 0 } value ? value : null;
}
