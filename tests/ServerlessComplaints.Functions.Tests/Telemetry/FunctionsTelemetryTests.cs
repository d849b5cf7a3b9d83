using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ServerlessComplaints.Functions.Hosting;
using ServerlessComplaints.Web.Telemetry;
using ServerlessComplaints.Workflow.Diagnostics;

namespace ServerlessComplaints.Functions.Tests.Telemetry;

/// <summary>
/// The worker's telemetry composed as Program.cs composes it (built, not run — the Functions host cannot run here):
/// which sources it listens to, and that each configured exporter really sends, to a local stand-in for the collector
/// or Application Insights.
/// </summary>
public sealed class FunctionsTelemetryTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _received = new();
    private WebApplication? _collector;
    private string _collectorUrl = "";

    [Fact]
    public void AddFunctionsTelemetry_NoExporterConfigured_NothingRegistered()
    {
        var builder = FunctionsApplication.CreateBuilder([]);

        var on = builder.Services.AddFunctionsTelemetry(builder.Configuration, new DefaultAzureCredential());
        using var host = builder.Build();

        Assert.False(on);
        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData(WorkflowTelemetry.Name)]
    [InlineData("DurableTask.Core")]
    [InlineData("Microsoft.DurableTask")]
    [InlineData("Azure.Data.Tables.TableClient")]
    [InlineData("Azure.Storage.Blobs.BlobContainerClient")]
    [InlineData("Microsoft.Azure.Functions.Worker")]
    public void AddFunctionsTelemetry_OtlpConfigured_ListensToSource(string sourceName)
    {
        using var host = Build(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"));
        using var source = new ActivitySource(sourceName);
        using var parent = WorkflowTelemetry.Source.StartActivity("case work");

        using var activity = source.StartActivity("probe");

        Assert.NotNull(activity);
        Assert.True(activity.Recorded);
    }

    [Fact]
    public void AddFunctionsTelemetry_OtlpConfigured_StorageCallOutsideAnyCaseWorkNotRecorded()
    {
        using var host = Build(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"));
        using var source = new ActivitySource("Azure.Storage.Queues.QueueClient");

        using var poll = source.StartActivity("QueueClient.ReceiveMessages");

        Assert.NotNull(poll);
        Assert.False(poll.Recorded);
    }

    [Fact]
    public void AddFunctionsTelemetry_OtlpConfigured_AnUnrelatedSourceIsNotRecorded()
    {
        using var host = Build(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9"));
        using var source = new ActivitySource("Some.Other.Library");
        using var parent = WorkflowTelemetry.Source.StartActivity("case work");

        using var activity = source.StartActivity("probe");

        Assert.Null(activity);
    }

    [Fact]
    public async Task AddFunctionsTelemetry_OtlpEndpoint_TracesAndMetricsSentThere()
    {
        using var host = Build(("OTEL_EXPORTER_OTLP_ENDPOINT", _collectorUrl), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));

        EmitAndFlush(host);

        await WaitForAsync(p => p == "/v1/traces");
        await WaitForAsync(p => p == "/v1/metrics");
    }

    [Fact]
    public async Task AddFunctionsTelemetry_ApplicationInsightsConnectionString_SentToItsIngestionEndpoint()
    {
        using var host = Build(("APPLICATIONINSIGHTS_CONNECTION_STRING", $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={_collectorUrl}/"));

        EmitAndFlush(host);

        await WaitForAsync(p => p.EndsWith("/track", StringComparison.Ordinal));
    }

    [Fact]
    public void AddFunctionsTelemetry_EntraIdAuthenticationString_ExporterUsesTheAppsCredential()
    {
        var credential = new DefaultAzureCredential();
        using var host = Build(credential,
            ("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://example.invalid/"),
            (FunctionsTelemetry.AuthenticationSetting, "ClientId=00000000-0000-0000-0000-000000000002;Authorization=AAD"));

        var options = host.Services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);

        Assert.Same(credential, options.Credential);
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _collector = builder.Build();
        _collector.Run(context =>
        {
            _received.Enqueue(context.Request.Path.Value ?? "");
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        await _collector.StartAsync();
        _collectorUrl = _collector.Urls.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_collector is not null)
        {
            await _collector.DisposeAsync();
        }
    }

    private static IHost Build(params (string Key, string Value)[] settings) => Build(new DefaultAzureCredential(), settings);

    private static IHost Build(Azure.Core.TokenCredential credential, params (string Key, string Value)[] settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        Assert.True(builder.Services.AddFunctionsTelemetry(builder.Configuration, credential));
        var host = builder.Build();
        _ = host.Services.GetRequiredService<TracerProvider>(); // providers start listening when resolved (the host's start does it too)
        _ = host.Services.GetRequiredService<MeterProvider>();
        return host;
    }

    private static void EmitAndFlush(IHost host)
    {
        using (WorkflowTelemetry.StartIntake("CMP-20260101-TEST01", Workflow.Domain.Channel.Web))
        {
            WorkflowTelemetry.CaseReceived(Workflow.Domain.ComplaintKind.Complaint, Workflow.Domain.Channel.Web);
        }

        host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000);
        host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);
    }

    private async Task WaitForAsync(Func<string, bool> path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!_received.Any(path))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Nothing matching arrived; received: {string.Join(", ", _received)}");
            await Task.Delay(50);
        }
    }
}
