using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Durable.Core;
using ServerlessComplaints.Testing.Engines;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Setup;

namespace ServerlessComplaints.Integration.Tests.DurableTask;

/// <summary>
/// The local service's engine: the catalogue on DurableTask.Core's TaskHubWorker over the Azure Storage backend on
/// Azurite, with a task hub of its own (deleted afterwards, the worker stopped first). Time is real: waits poll.
/// </summary>
internal sealed class CoreCaseEngine : CaseEngine
{
    // Above ScenarioSettings' investigation deadline, which the SLA scenario waits out, with room for a loaded machine.
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly ComplaintTaskHub _hub;

    private CoreCaseEngine(string connectionString, ComplaintCentreSettings settings, Action<IServiceCollection>? configure)
        : base(settings, configure)
    {
        _hub = new ComplaintTaskHub(connectionString, TestOptions(), Services, NullLoggerFactory.Instance);
        Client = new TaskHubWorkflowClient(_hub);
    }

    public override IWorkflowClient Client { get; }

    protected override TimeProvider Clock => TimeProvider.System;

    /// <summary>One partition and a short idle poll: a test hub starts in about a second and answers quickly.</summary>
    public static DurableTaskOptions TestOptions() => new()
    {
        TaskHubName = AzuriteFixture.UniqueName("hub"),
        PartitionCount = 1,
        MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
        LeaseInterval = TimeSpan.FromSeconds(10),
        LeaseRenewInterval = TimeSpan.FromSeconds(3),
        LeaseAcquireInterval = TimeSpan.FromSeconds(3),
    };

    public static async Task<CoreCaseEngine> StartAsync(string connectionString, ComplaintCentreSettings settings, Action<IServiceCollection>? configure = null)
    {
        var engine = new CoreCaseEngine(connectionString, settings, configure);
        await engine._hub.StartAsync();
        return engine;
    }

    public override async ValueTask DisposeAsync()
    {
        await _hub.DeleteAsync();
        await _hub.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override Task SettleAsync() => Task.CompletedTask;

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
