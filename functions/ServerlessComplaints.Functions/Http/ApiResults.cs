using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ServerlessComplaints.LocalHost.Pages;
using ServerlessComplaints.Workflow.Api;

namespace ServerlessComplaints.Functions.Http;

/// <summary>Maps the Workflow library's host-neutral answers to ASP.NET Core action results, with the API security headers.</summary>
internal static class ApiResults
{
    public static IActionResult ToActionResult(this ApiResponse response, HttpContext http)
    {
        PageSecurity.ApplyToApi(http.Response);
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            http.Response.Headers[name] = value;
        }

        var result = new ObjectResult(response.Body) { StatusCode = response.StatusCode };
        if (response.IsProblem)
        {
            result.ContentTypes.Add("application/problem+json");
        }

        return result;
    }
}
