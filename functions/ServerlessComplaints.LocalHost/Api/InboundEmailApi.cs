using Microsoft.AspNetCore.Http.Features;
using ServerlessComplaints.Workflow.Inbound;

namespace ServerlessComplaints.LocalHost.Api;

/// <summary><c>POST /api/inbound-email</c>: SendGrid Inbound Parse (parsed or raw mode) behind basic auth with the shared secret.</summary>
internal static class InboundEmailApi
{
    // SendGrid posts up to 30 MB; the margin covers multipart overhead.
    private const long MaxBodyBytes = 32L * 1024 * 1024;

    public static IEndpointRouteBuilder MapInboundEmail(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/inbound-email", async (HttpContext http, InboundEmailOptions options, InboundEmailParser parser, InboundEmailHandler handler, CancellationToken ct) =>
        {
            if (!options.IsConfigured)
            {
                return InboundEmailHandler.NotConfigured().ToResult(http);
            }

            if (!InboundEmailAuthentication.IsAuthorized(http.Request.Headers.Authorization.ToString(), options))
            {
                http.Response.Headers.WWWAuthenticate = InboundEmailAuthentication.Challenge;
                return ApiResults.Problem(http, 401, "Authentication required.", "Use the Parse URL with the configured basic-auth secret.");
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }

            var (post, error) = await InboundPostReader.ReadAsync(http.Request, ct);
            var parsed = post is null ? null : parser.Parse(post);
            return parsed?.Message is { } message
                ? (await handler.HandleAsync(message, ct)).ToResult(http)
                : ApiResults.Problem(http, error == InboundPostReader.TooLarge ? 413 : 400, "The inbound email post could not be read.", error ?? parsed?.Error);
        });

        return routes;
    }
}
