using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Web.Features;

/// <summary>The public complaint API: submit (JSON or multipart), and read a status with the link's token or the submitter's email.</summary>
internal static class ComplaintRoutes
{
    public static IEnumerable<WebRoute> Routes { get; } =
    [
        WebRoute.Post("SubmitComplaint", RouteTemplates.Complaints, RouteKind.Api, SubmitAsync) with { RateLimited = true },
        WebRoute.Get("GetComplaintStatus", RouteTemplates.Complaint, RouteKind.Api, StatusAsync) with { RateLimited = true },
    ];

    private static async Task<IResult> SubmitAsync(RouteRequest request)
    {
        var (intake, error) = await IntakeRequestReader.ReadAsync(request.Request, Channel.Web, null, request.Aborted);
        return intake is null
            ? WebProblems.Unreadable(error!)
            : (await request.Cases.Intake.SubmitAsync(intake, request.Aborted)).ToResult();
    }

    private static async Task<IResult> StatusAsync(RouteRequest request)
    {
        var token = request.Request.Query["t"].ToString() is { Length: > 0 } q ? q : request.Header("X-Access-Token");
        return (await request.Cases.Status.GetAsync(request.Value("trackingNumber"), token, request.Header("X-Customer-Email"), request.Aborted)).ToResult();
    }
}
