using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Workflow.Inbound;

namespace ServerlessComplaints.Web.Features;

/// <summary><c>POST /api/inbound-email</c>: SendGrid Inbound Parse (parsed or raw mode) behind basic auth with the shared secret.</summary>
internal static class InboundEmailRoutes
{
    // SendGrid posts up to 30 MB; the margin covers multipart overhead.
    private const long MaxBodyBytes = 32L * 1024 * 1024;

    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Post("InboundEmail", RouteTemplates.InboundEmail, RouteKind.Api, ReceiveAsync),
    ];

    private static async Task<IResult> ReceiveAsync(RouteRequest request)
    {
        var options = request.Service<InboundEmailOptions>();
        if (!options.IsConfigured)
        {
            return InboundEmailHandler.NotConfigured().ToResult();
        }

        if (!InboundEmailAuthentication.IsAuthorized(request.Request.Headers.Authorization.ToString(), options))
        {
            request.Http.Response.Headers.WWWAuthenticate = InboundEmailAuthentication.Challenge;
            return WebProblems.Problem(StatusCodes.Status401Unauthorized, "Authentication required.", "Use the Parse URL with the configured basic-auth secret.");
        }

        if (request.Http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        var (post, error) = await InboundPostReader.ReadAsync(request.Request, request.Aborted);
        var parsed = post is null ? null : request.Service<InboundEmailParser>().Parse(post);
        return parsed?.Message is { } message
            ? (await request.Cases.InboundEmail.HandleAsync(message, request.Aborted)).ToResult()
            : WebProblems.Problem(error == InboundPostReader.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, "The inbound email post could not be read.", error ?? parsed?.Error);
    }
}
