using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessComplaints.Functions.Hosting;
using ServerlessComplaints.Web.Hosting;
using ServerlessComplaints.Web.Http;
using ServerlessComplaints.Workflow.Diagnostics;

namespace ServerlessComplaints.Functions.Tests.Hardening;

/// <summary>The worker host composed as Program.cs does (built, not run): the hardening and the route table's limiter are what the worker resolves.</summary>
public sealed class WorkerHostCompositionTests
{
    [Fact]
    public void Build_FunctionsWebApplicationWithHardening_LoggerFactoryRedactsAndLimiterUsesTheSetting()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureFunctionsWebApplication();
        builder.Configuration[PublicRateLimiter.ConfigurationKey] = "5";
        builder.Services.AddComplaintCentreWeb(builder.Configuration);
        builder.Services.AddEntryPointHardening();

        using var host = builder.Build();

        Assert.IsType<RedactingLoggerFactory>(host.Services.GetRequiredService<ILoggerFactory>());
        Assert.IsType<RedactingLogger>(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics"));
        var limiter = host.Services.GetRequiredService<PublicRateLimiter>();
        var answers = Enumerable.Range(0, 6).Select(_ => limiter.Refuse(new Microsoft.AspNetCore.Http.DefaultHttpContext().Request)).ToList();
        Assert.All(answers.Take(5), Assert.Null);
        Assert.NotNull(answers[5]);
    }
}
