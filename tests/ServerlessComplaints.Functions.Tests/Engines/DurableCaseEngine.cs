using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Durable;
using ServerlessComplaints.Testing.Engines;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Functions.Tests.Engines;

/// <summary>
/// The Functions app's orchestrator and activities on the real Durable Task engine (DurableTaskTestHost: the SDK's
/// worker and client over an in-memory backend), reached through the app's own client adapter. Time is real: waits poll.
/// </summary>
internal sealed class DurableCaseEngine : CaseEngine
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private DurableTaskTestHost? _host;
    private IWorkflowClient? _client;

    private DurableCaseEngine(ComplaintCentreSettings settings, Action<IServiceCollection>? configure)
        : base(settings, configure)
    {
    }

    public override IWorkflowClient Client => _client ?? throw new InvalidOperationException("Not started.");

    /// <summary>The SDK's own client, as Durable Functions hands it to an HTTP trigger's [DurableClient] parameter.</summary>
    public Microsoft.DurableTask.Client.DurableTaskClient DurableClient => _host?.Client ?? throw new InvalidOperationException("Not started.");

    protected override TimeProvider Clock => TimeProvider.System;

    public static async Task<DurableCaseEngine> StartAsync(ComplaintCentreSettings settings, Action<IServiceCollection>? configure = null)
    {
        var engine = new DurableCaseEngine(settings, configure);
        // The test host otherwise picks a random port in 30000-40000 and fails if it is taken.
        engine._host = await DurableTaskTestHost.StartAsync(registry => FunctionsAppTasks.AddTo(registry, engine.Services), new DurableTaskTestHostOptions { Port = FreePort() });
        engine._client = new DurableWorkflowClient(engine._host.Client);
        return engine;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    protected override Task SettleAsync() => Task.CompletedTask;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override async Task WaitUntilAsync(Func<Task<bool>> reached, Func<Task<string>> describe)
    {
        var waited = Stopwatch.StartNew();
        while (!await reached())
        {
            if (waited.Elapsed > MaxWait)
            {
                Assert.Fail($"After {MaxWait.TotalSeconds:0} s: {await describe()}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
