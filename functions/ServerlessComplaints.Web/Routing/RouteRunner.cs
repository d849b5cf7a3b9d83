using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Web.Routing;

/// <summary>
/// Runs a route the same way in both hosts: security headers first, the public limit, the handler, and the one
/// exception mapping (<see cref="WebProblems.ForException(Exception, bool)"/>) for whatever escapes it, each
/// refusal in the caller's language.
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

        // A browser on a page route gets a page in its language; the API and form.js (Accept: JSON) get a problem.
        var page = route.Kind == RouteKind.Page && WebProblems.WantsPage(http.Request);
        try
        {
            var result = !route.Allows(http.Request.Method)
                ? WebProblems.Failure(page, StatusCodes.Status405MethodNotAllowed, WebProblems.Kinds.MethodNotAllowed, new Dictionary<string, string> { ["methods"] = string.Join(", ", route.Methods) })
                : route.RateLimited && http.RequestServices.GetRequiredService<PublicRateLimiter>().Refuse(http.Request, page) is { } tooMany
                    ? tooMany
                    : await route.Handler(new RouteRequest(http, workflow));
            await result.ExecuteAsync(http);
        }
        catch (Exception ex) when (!http.Response.HasStarted && !(ex is OperationCanceledException && http.RequestAborted.IsCancellationRequested))
        {
            LogRouteFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RouteRunner)), route.Name, ex);
            http.Response.Clear();
            PageSecurity.ApplyTo(http.Response, route.Kind == RouteKind.Page ? RouteKind.Page : RouteKind.Api);
            await WebProblems.ForException(ex, page).ExecuteAsync(http);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Route {Route} failed")]
    private static partial void LogRouteFailed(ILogger logger, string route, Exception exception);
}
