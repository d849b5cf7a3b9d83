using ServerlessComplaints.Workflow.Api;

namespace ServerlessComplaints.LocalHost.Pages;

/// <summary>
/// <c>/actions/{token}</c>: GET shows the case and a form and changes nothing; POST takes the action once. Every
/// refusal (invalid, expired, used, someone else's link, step already done) is a readable page with a 4xx status.
/// </summary>
internal static class ActionPage
{
    public static IEndpointRouteBuilder MapActionPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/actions/{token}", async (string token, ActionLinkHandler handler, CancellationToken ct) =>
            Render(await handler.ViewAsync(token, ct), token, null));
        routes.MapPost("/actions/{token}", async (string token, HttpRequest request, ActionLinkHandler handler, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                return Render(new ActionLinkResult(415, "invalid"), token, null);
            }

            var form = await request.ReadFormAsync(ct);
            var values = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            return Render(await handler.SubmitAsync(token, values, ct), token, values);
        }).DisableAntiforgery();
        return routes;
    }

    private static IResult Render(ActionLinkResult result, string token, IReadOnlyDictionary<string, string>? values)
    {
        var (status, html) = ActionPageView.Render(result, token, values);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
