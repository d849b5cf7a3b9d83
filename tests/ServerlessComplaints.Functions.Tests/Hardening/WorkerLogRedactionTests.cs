using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessComplaints.Functions.Hosting;

namespace ServerlessComplaints.Functions.Tests.Hardening;

/// <summary>
/// The worker's ASP.NET Core pipeline (Kestrel, hosting diagnostics, routing) with the app's entry-point hardening,
/// on a real socket: what reaches a logger provider when credential-bearing URLs come in.
/// </summary>
public sealed class WorkerLogRedactionTests
{
    private const string ActionToken = "k1.eyJ0biI6IkNNUC0yMDI2MTIwMS0wMDAxIn0.QctionSecret7Zq";
    private const string EvidenceToken = "k1.Q01QLzEtcGhvdG8uanBn.1893456000.EvidenceSecret4Kd";
    private const string StatusToken = "StatusSecret9Lm2xWq8RtYu";

    [Fact]
    public async Task RequestLogging_EnabledDownToTrace_NoTokenInAnyMessageStateOrScope()
    {
        var verbose = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Routing"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel"] = "Trace",
        };

        var lines = await RequestsAsync(verbose);

        Assert.Contains(lines, l => l.Contains("Request starting", StringComparison.Ordinal) && l.Contains("/actions/***", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/evidence/***", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("t=***", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("| scope", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestLogging_DefaultLevels_NoRequestLinesAtInformation()
    {
        var lines = await RequestsAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });

        Assert.DoesNotContain(lines, l => l.Contains("Request starting", StringComparison.Ordinal) || l.Contains("Request finished", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Secret", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<string>> RequestsAsync(Dictionary<string, string?> logging)
    {
        var capture = new CapturingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(logging);
        builder.Logging.ClearProviders().AddProvider(capture);
        builder.Services.AddEntryPointHardening();
        await using var app = builder.Build();
        app.MapGet("/actions/{token}", (string token) => "action page");
        app.MapGet("/status/{trackingNumber}", (string trackingNumber) => "status page");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using (var http = new HttpClient { BaseAddress = new Uri(address) })
        {
            await http.GetAsync($"/actions/{ActionToken}");
            await http.GetAsync($"/evidence/{EvidenceToken}");
            await http.GetAsync($"/status/CMP-20261201-0001?t={StatusToken}");
            await http.GetAsync($"/api/complaints/CMP-20261201-0001?lang=en&t={StatusToken}");
        }

        await app.StopAsync();
        return capture.Lines;
    }
}
