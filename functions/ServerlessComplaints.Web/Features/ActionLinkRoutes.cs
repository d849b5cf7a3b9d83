using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Pages;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Domain;

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
            return Render(await handler.ViewAsync(token, request.Aborted), token, null);
        }

        if (!request.Request.HasFormContentType)
        {
            return Render(new ActionLinkResult(StatusCodes.Status415UnsupportedMediaType, "invalid"), token, null);
        }

        var form = await request.Request.ReadFormAsync(request.Aborted);
        var values = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        return Render(await handler.SubmitAsync(token, values, request.Aborted), token, values);
    }

    private static PageResult<ActionPage> Render(ActionLinkResult result, string token, IReadOnlyDictionary<string, string>? values) =>
        Page.Of<ActionPage>(
            result.Record?.Details.Language == CaseLanguage.English ? CaseLanguage.English : CaseLanguage.Chinese,
            new { Result = result, Token = token, Values = values },
            result.StatusCode);
}
