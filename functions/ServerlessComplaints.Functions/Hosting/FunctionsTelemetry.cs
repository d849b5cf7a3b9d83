using Azure.Core;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Web.Telemetry;

namespace ServerlessComplaints.Functions.Hosting;

/// <summary>
/// The shared telemetry registration in the isolated worker, plus the worker's own: function invocation spans and
/// the Functions resource (service.name from the site). Application Insights ingestion uses the app's managed identity
/// when APPLICATIONINSIGHTS_AUTHENTICATION_STRING asks for Entra ID (the resource has local auth off).
/// </summary>
internal static class FunctionsTelemetry
{
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>True when telemetry is on (an exporter is configured).</summary>
    public static bool AddFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration, TokenCredential credential)
    {
        var entraId = configuration[AuthenticationSetting]?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true;
        var builder = services.AddComplaintCentreTelemetry(configuration, serviceName: null, entraId ? credential : null);
        builder?.UseFunctionsWorkerDefaults();
        return builder is not null;
    }
}
