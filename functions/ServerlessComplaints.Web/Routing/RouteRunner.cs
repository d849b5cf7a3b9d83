using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Web.Routing;

/// <summary>
/// Runs a route the same way in both hosts: security headers first, the public limit, the handler, and the one
/// exception mapping (<see cref="WebProblems.ForException"/>) for whatever escapes it.
/// </summary>
public static partial class RouteRunner
{
    public static async Task RunAsync(this WebRoute route, HttpContext http, IWorkflowClient workflow)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(http);
        PageSecurity.ApplyTo(http.Response, route.Kind);
        http.Response.OnStarting(() =>
        {
            PageSecurity.ApplyByContentType(http.Response, route.Kind == RouteKind.Asset);
            return Task.CompletedTask;
        });

        try
        {
            var result = !route.Allows(http.Request.Method)
                ? WebProblems.Problem(405, "Method not allowed.", $"{route.Template} takes {string.Join(", ", route.Methods)}.")
                : route.RateLimited && http.RequestServices.GetRequiredService<PublicRateLimiter>().Refuse(http.Request) is { } tooMany
                    ? tooMany
                    : await route.Handler(new RouteRequest(http, workflow));
            await result.ExecuteAsync(http);
        }
        catch (Exception ex) when (!http.Response.HasStarted && !(ex is OperationCanceledException && http.RequestAborted.IsCancellationRequested))
        {
            LogRouteFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RouteRunner)), route.Name, ex);
            http.Response.Clear();
            PageSecurity.ApplyTo(http.Response, route.Kind == RouteKind.Page ? RouteKind.Page : RouteKind.Api);
            await (route.Kind == RouteKind.Page ? WebProblems.PageForException(ex) : WebProblems.ForException(ex)).ExecuteAsync(http);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Route {Route} failed")]
    private static partial void LogRouteFailed(ILogger logger, string route, Exception exception);
}
