using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Workflow.Api;

namespace ServerlessComplaints.Web.Features;

/// <summary>
/// <c>/actions/{token}</c>: GET shows the case and a form and changes nothing (mail scanners pre-click links); POST
/// takes the action once. The signed token is the credential (checked by the Workflow's <see cref="ActionLinkHandler"/>),
/// so the form needs no antiforgery cookie. Every refusal is a readable page with a 4xx status.
/// </summary>
internal static class ActionLinkRoutes
{
    public static IEnumerable<WebRoute> Routes { get; } =
    [
        new("ActionLink", [HttpMethods.Get, HttpMethods.Post], RouteTemplates.ActionLink, RouteKind.Page, RunAsync),
    ];

    private static async Task<IResult> RunAsync(RouteRequest request)
    {
        var token = request.Value("token");
        var handler = request.Cases.ActionLinks;
        if (!HttpMethods.IsPost(request.Request.Method))
        {
            return Render(request, await handler.ViewAsync(token, request.Aborted), token, null);
        }

        if (!request.Request.HasFormContentType)
        {
            return Render(request, new ActionLinkResult(StatusCodes.Status415UnsupportedMediaType, "invalid"), token, null);
        }

        var form = await request.Request.ReadFormAsync(request.Aborted);
        var values = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        return Render(request, await handler.SubmitAsync(token, values, request.Aborted), token, values);
    }

    // A tampered link names no case: the page follows ?lang= or the browser rather than defaulting to Chinese.
    private static PageResult<ActionPage> Render(RouteRequest request, ActionLinkResult result, string token, IReadOnlyDictionary<string, string>? values)
    {
        var language = PageLanguage.For(request.Request, result.Record?.Details.Language);
        return Page.Of<ActionPage>(language, new { Result = result, Token = token, Values = values, Lang = language }, result.StatusCode);
    }
}
