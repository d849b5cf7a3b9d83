using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.LocalHost.Api;

/// <summary><c>GET /evidence/{token}</c>: one evidence file through a signed, expiring link; always as a download, never sniffed.</summary>
internal static class EvidenceApi
{
    public static IEndpointRouteBuilder MapEvidence(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/evidence/{token}", async (string token, HttpContext http, EvidenceLinks links, IEvidenceStore store, CancellationToken ct) =>
        {
            if (links.Read(token) is not { } blobName || blobName.Split('/')[0] is not { } tn)
            {
                return ApiResults.Problem(http, 404, "This evidence link is invalid or has expired.");
            }

            var item = (await store.ListAsync(tn, ct)).FirstOrDefault(i => i.BlobName == blobName);
            var content = item is null ? null : await store.OpenReadAsync(blobName, ct);
            if (item is null || content is null)
            {
                return ApiResults.Problem(http, 404, "This evidence link is invalid or has expired.");
            }

            // The download name carries the extension of the stored (sniffed) type, also for files stored before names did.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Stream(content, item.ContentType, EvidenceInspector.FileNameFor(item.FileName, item.ContentType));
        });
        return routes;
    }
}
