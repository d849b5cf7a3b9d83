using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServerlessComplaints.Web.Hosting;
using ServerlessComplaints.Web.Routing;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Browser.Tests.Hosting;

/// <summary>
/// The route table on Kestrel (a free port) over a case store that always throws <see cref="Failure"/>: the status
/// page then fails as it would with storage down (a <see cref="TimeoutException"/>, 503) or with a bug (anything else,
/// 500), through the real route runner and error page. The workflow client knows no case, so the status page reaches the store.
/// </summary>
public sealed class FailingService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FailingService(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<FailingService> StartAsync(Func<Exception> failure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddComplaintWorkflow(new ComplaintCentreSettings()).AddInMemoryCaseStores().AddComplaintCentreWeb(builder.Configuration);
        builder.Services.AddSingleton<IComplaintStore>(new Failing(failure));
        builder.Services.AddSingleton<IWorkflowClient, NoCases>();
        var app = builder.Build();
        app.MapComplaintCentre();
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new FailingService(app, baseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Failing(Func<Exception> failure) : IComplaintStore
    {
        public Task<bool> TryAddAsync(ComplaintRecord record, CancellationToken cancellationToken) => Fail<bool>();

        public Task<ComplaintRecord?> GetAsync(string trackingNumber, CancellationToken cancellationToken) => Fail<ComplaintRecord?>();

        public Task<ComplaintRecord> UpdateAsync(string trackingNumber, Func<ComplaintRecord, ComplaintRecord> change, CancellationToken cancellationToken) => Fail<ComplaintRecord>();

        public Task<IReadOnlyList<ComplaintRecord>> QueryAsync(CaseQuery query, CancellationToken cancellationToken) => Fail<IReadOnlyList<ComplaintRecord>>();

        public Task<int> CountRecentByCustomerAsync(Customer customer, DateTime sinceUtc, string excludeTrackingNumber, CancellationToken cancellationToken) => Fail<int>();

        public Task<IReadOnlyList<ComplaintRecord>> ListExpiredAsync(DateTime nowUtc, int take, CancellationToken cancellationToken) => Fail<IReadOnlyList<ComplaintRecord>>();

        public Task<bool> DeleteAsync(string trackingNumber, CancellationToken cancellationToken) => Fail<bool>();

        private Task<T> Fail<T>() => Task.FromException<T>(failure());
    }

    // No orchestration exists: the status page goes on to the case store.
    private sealed class NoCases : IWorkflowClient
    {
        public Task<WorkflowInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default) => Task.FromResult<WorkflowInstanceStatus?>(null);

        public Task StartAsync(string orchestrationName, string instanceId, object? input, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task RetryAsync(string instanceId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
