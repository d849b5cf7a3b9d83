using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Web.Features;

/// <summary><c>GET /evidence/{token}</c>: one evidence file through a signed, expiring link; always as a download, never sniffed.</summary>
internal static class EvidenceRoutes
{
    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Get("EvidenceDownload", RouteTemplates.Evidence, RouteKind.Api, DownloadAsync),
    ];

    private static async Task<IResult> DownloadAsync(RouteRequest request)
    {
        var store = request.Service<IEvidenceStore>();
        if (request.Service<EvidenceLinks>().Read(request.Value("token")) is not { } blobName || blobName.Split('/')[0] is not { } trackingNumber)
        {
            return Invalid(request);
        }

        var item = (await store.ListAsync(trackingNumber, request.Aborted)).FirstOrDefault(i => i.BlobName == blobName);
        var content = item is null ? null : await store.OpenReadAsync(blobName, request.Aborted);
        if (item is null || content is null)
        {
            return Invalid(request);
        }

        // The download name carries the extension of the stored (sniffed) type, also for files stored before names did.
        request.Http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(content, item.ContentType, EvidenceInspector.FileNameFor(item.FileName, item.ContentType));
    }

    // Staff open these links from mail: a browser gets a page in its language, a program a problem.
    private static IResult Invalid(RouteRequest request) =>
        WebProblems.Failure(WebProblems.IsBrowser(request.Request), StatusCodes.Status404NotFound, WebProblems.Kinds.EvidenceLink);
}
