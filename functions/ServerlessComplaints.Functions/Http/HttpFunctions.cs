using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ServerlessComplaints.Durable;
using ServerlessComplaints.Web.Routing;
using static ServerlessComplaints.Web.Routing.RouteTemplates;

namespace ServerlessComplaints.Functions.Http;

/// <summary>
/// One HTTP trigger per route of the Web project's route table, under the route's name, template and methods
/// (routePrefix is "" in host.json); each hands the request and its Durable client to the route. A test compares the
/// built functions.metadata with the table.
/// </summary>
public sealed class HttpFunctions
{
    [Function(nameof(FormPage))]
    public Task<IActionResult> FormPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Root)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(FormPage), request, client);

    [Function(nameof(SubmitForm))]
    public Task<IActionResult> SubmitForm([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Root)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(SubmitForm), request, client);

    [Function(nameof(ConfirmationPage))]
    public Task<IActionResult> ConfirmationPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Confirmation)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(ConfirmationPage), request, client);

    [Function(nameof(FormScript))]
    public Task<IActionResult> FormScript([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.FormScript)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(FormScript), request, client);

    [Function(nameof(LookupPage))]
    public Task<IActionResult> LookupPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Lookup)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(LookupPage), request, client);

    [Function(nameof(SubmitLookup))]
    public Task<IActionResult> SubmitLookup([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Lookup)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(SubmitLookup), request, client);

    [Function(nameof(StatusPage))]
    public Task<IActionResult> StatusPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.StatusPage)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StatusPage), request, client);

    [Function(nameof(Recourse))]
    public Task<IActionResult> Recourse([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.Recourse)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(Recourse), request, client);

    [Function(nameof(SubmitComplaint))]
    public Task<IActionResult> SubmitComplaint([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Complaints)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(SubmitComplaint), request, client);

    [Function(nameof(GetComplaintStatus))]
    public Task<IActionResult> GetComplaintStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Complaint)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(GetComplaintStatus), request, client);

    [Function(nameof(ActionLink))]
    public Task<IActionResult> ActionLink([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = RouteTemplates.ActionLink)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(ActionLink), request, client);

    [Function(nameof(EvidenceDownload))]
    public Task<IActionResult> EvidenceDownload([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Evidence)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(EvidenceDownload), request, client);

    [Function(nameof(InboundEmail))]
    public Task<IActionResult> InboundEmail([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.InboundEmail)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(InboundEmail), request, client);

    [Function(nameof(StaffQueue))]
    public Task<IActionResult> StaffQueue([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StaffComplaints)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffQueue), request, client);

    [Function(nameof(StaffLogCase))]
    public Task<IActionResult> StaffLogCase([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = StaffComplaints)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffLogCase), request, client);

    [Function(nameof(StaffCaseDetail))]
    public Task<IActionResult> StaffCaseDetail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StaffComplaint)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffCaseDetail), request, client);

    [Function(nameof(StaffCaseAction))]
    public Task<IActionResult> StaffCaseAction([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.StaffCaseAction)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffCaseAction), request, client);

    [Function(nameof(StaffQueuePage))]
    public Task<IActionResult> StaffQueuePage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.StaffHome)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffQueuePage), request, client);

    [Function(nameof(StaffSignInPage))]
    public Task<IActionResult> StaffSignInPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.StaffSignIn)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffSignInPage), request, client);

    [Function(nameof(StaffSignIn))]
    public Task<IActionResult> StaffSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.StaffSignIn)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffSignIn), request, client);

    [Function(nameof(StaffOrganisationSignIn))]
    public Task<IActionResult> StaffOrganisationSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.StaffOrganisationSignIn)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffOrganisationSignIn), request, client);

    [Function(nameof(StaffPlatformSignIn))]
    public Task<IActionResult> StaffPlatformSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.StaffPlatformSignIn)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffPlatformSignIn), request, client);

    [Function(nameof(StaffSignOut))]
    public Task<IActionResult> StaffSignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.StaffSignOut)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffSignOut), request, client);

    [Function(nameof(StaffCasePage))]
    public Task<IActionResult> StaffCasePage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.StaffCase)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffCasePage), request, client);

    [Function(nameof(StaffCasePost))]
    public Task<IActionResult> StaffCasePost([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.StaffCasePost)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffCasePost), request, client);

    [Function(nameof(StaffReassign))]
    public Task<IActionResult> StaffReassign([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.StaffReassign)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffReassign), request, client);

    [Function(nameof(StaffDashboardPage))]
    public Task<IActionResult> StaffDashboardPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.StaffDashboard)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffDashboardPage), request, client);

    [Function(nameof(StaffDashboardApi))]
    public Task<IActionResult> StaffDashboardApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.StaffDashboardApi)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffDashboardApi), request, client);

    [Function(nameof(ChartsScript))]
    public Task<IActionResult> ChartsScript([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.ChartsScript)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(ChartsScript), request, client);

    [Function(nameof(DashboardScript))]
    public Task<IActionResult> DashboardScript([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.DashboardScript)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(DashboardScript), request, client);

    [Function(nameof(StaffQueueExport))]
    public Task<IActionResult> StaffQueueExport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.StaffQueueExport)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffQueueExport), request, client);

    [Function(nameof(StaffClosedExport))]
    public Task<IActionResult> StaffClosedExport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.StaffClosedExport)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffClosedExport), request, client);

    [Function(nameof(StaffDashboardExport))]
    public Task<IActionResult> StaffDashboardExport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.StaffDashboardExport)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(StaffDashboardExport), request, client);

    [Function(nameof(Health))]
    public Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.Health)] HttpRequest request, [DurableClient] DurableTaskClient client) => RunAsync(nameof(Health), request, client);

    // The ASP.NET Core integration executes IActionResult returns only (not IResult): the route writes the response
    // itself and the trigger returns an empty result.
    private static async Task<IActionResult> RunAsync(string route, HttpRequest request, DurableTaskClient client)
    {
        await ComplaintCentreRoutes.Named(route).RunAsync(request.HttpContext, new DurableWorkflowClient(client));
        return new EmptyResult();
    }
}
