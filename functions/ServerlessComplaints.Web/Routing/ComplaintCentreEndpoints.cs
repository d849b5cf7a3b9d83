using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Web.Routing;

/// <summary>Maps the route table into an ASP.NET Core app (LocalHost); the workflow client comes from the app's services.</summary>
public static class ComplaintCentreEndpoints
{
    public static IEndpointRouteBuilder MapComplaintCentre(this IEndpointRouteBuilder endpoints)
    {
        foreach (var route in ComplaintCentreRoutes.All)
        {
            endpoints.MapMethods("/" + route.Template, route.Methods, http => route.RunAsync(http, http.RequestServices.GetRequiredService<IWorkflowClient>()))
                .WithName(route.Name);
        }

        return endpoints;
    }
}
