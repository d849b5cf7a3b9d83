using System.Diagnostics;
using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ServerlessComplaints.Workflow.Diagnostics;

namespace ServerlessComplaints.Web.Telemetry;

/// <summary>
/// OpenTelemetry for both hosts, written once: traces from the HTTP request through the orchestration and its activities
/// to the storage and SendGrid calls, the workflow's metrics, and logs carrying the trace and span ids. Exported to
/// Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and nowhere (nothing registered) otherwise.
/// </summary>
public static class ComplaintCentreTelemetry
{
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Azure SDK clients publish their spans through ActivitySources ("Azure.*") only with this switch on.</summary>
    public const string AzureSdkActivitySwitch = "Azure.Experimental.EnableActivitySource";

    /// <summary>The ActivitySources listened to besides ASP.NET Core and HttpClient.</summary>
    public static IReadOnlyList<string> Sources { get; } =
    [
        WorkflowTelemetry.Name,
        "DurableTask.Core", // the local service's engine: create_orchestration, orchestration:*, activity:* spans
        "Microsoft.DurableTask", // the Durable Task SDK (the Functions app's isolated worker)
        "Azure.*", // Azure SDK clients: tables, blobs, queues
    ];

    /// <summary>Which exporters the configuration asks for.</summary>
    public static (bool AzureMonitor, bool Otlp) ExportersIn(IConfiguration configuration) =>
        (!string.IsNullOrWhiteSpace(configuration[AzureMonitorSetting]), !string.IsNullOrWhiteSpace(configuration[OtlpSetting]));

    /// <summary>
    /// Registers the pipeline when an exporter is configured or <paramref name="exporters"/> adds one (the tests' in-memory
    /// exporter); returns the builder for host-specific additions, or null when telemetry is off.
    /// </summary>
    /// <param name="serviceName">service.name unless OTEL_SERVICE_NAME says otherwise; null leaves it to the host's detector.</param>
    /// <param name="azureMonitorCredential">Entra ID ingestion into Application Insights (local auth off); null uses the key in the connection string.</param>
    public static OpenTelemetryBuilder? AddComplaintCentreTelemetry(
        this IServiceCollection services,
        IConfiguration configuration,
        string? serviceName,
        TokenCredential? azureMonitorCredential = null,
        Action<OpenTelemetryBuilder>? exporters = null)
    {
        var (azureMonitor, otlp) = ExportersIn(configuration);
        if (!azureMonitor && !otlp && exporters is null)
        {
            return null;
        }

        AppContext.SetSwitch(AzureSdkActivitySwitch, true);
        var builder = services.AddOpenTelemetry();
        if (serviceName is not null)
        {
            builder.ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : serviceName));
        }

        builder
            .WithTracing(tracing => tracing
                // First, so every exporter added after sees the masked values and never a background poll.
                .AddProcessor(new CredentialMaskingProcessor())
                .AddProcessor(new BackgroundStorageFilter())
                .AddSource([.. Sources])
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal))
                // An Azure SDK call already has its client span (Azure.Core.Http); the HttpClient one under it adds nothing.
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = _ => Activity.Current?.Parent?.Source.Name != "Azure.Core.Http"))
            .WithMetrics(metrics => metrics
                .AddMeter(WorkflowTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging(logging => { }, options =>
            {
                options.IncludeFormattedMessage = true;
                options.IncludeScopes = true;
            });

        if (azureMonitor)
        {
            builder.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = configuration[AzureMonitorSetting];
                if (azureMonitorCredential is not null)
                {
                    o.Credential = azureMonitorCredential;
                }
            });
        }

        if (otlp)
        {
            builder.UseOtlpExporter(); // endpoint, protocol and headers from the OTEL_EXPORTER_OTLP_* settings
        }

        exporters?.Invoke(builder);
        return builder;
    }
}
