using Azure.Storage.Queues;
using DurableTask.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Durable.Core;

namespace ServerlessComplaints.Integration.Tests.DurableTask;

/// <summary>
/// <see cref="StalledInstanceRepair"/> on a task hub of its own, without a running worker: the state an Azurite crash
/// can leave (an instance row whose start message is gone) is made by deleting the message.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StalledInstanceRepairTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly DurableTaskOptions _options = CoreCaseEngine.TestOptions();
    private ComplaintTaskHub _hub = null!;

    [Fact]
    public async Task RepairAsync_PendingInstanceWithoutStartMessage_StartsItAgainWithTheSameInput()
    {
        await _hub.Client.CreateOrchestrationInstanceAsync("ComplaintWorkflow", string.Empty, "CMP-20261130-STALL1", new { probe = 1 });
        var before = (await _hub.Client.GetOrchestrationStateAsync("CMP-20261130-STALL1"))!;
        var control = new QueueClient(azurite.ConnectionString, TaskHubQueues.Control(_options.TaskHubName, 0));
        await control.ClearMessagesAsync();
        var repair = new StalledInstanceRepair(_hub, _options, NullLogger<StalledInstanceRepair>.Instance);

        var repaired = await repair.RepairAsync(DateTime.UtcNow.AddSeconds(1), CancellationToken.None);

        var after = (await _hub.Client.GetOrchestrationStateAsync("CMP-20261130-STALL1"))!;
        Assert.Equal(1, repaired);
        Assert.NotEqual(before.OrchestrationInstance.ExecutionId, after.OrchestrationInstance.ExecutionId);
        Assert.Equal(before.Input, after.Input);
        Assert.Equal(OrchestrationStatus.Pending, after.OrchestrationStatus);
        Assert.Single((await control.PeekMessagesAsync(10)).Value);
    }

    [Fact]
    public async Task RepairAsync_PendingInstanceUpdatedAfterTheCutoff_IsLeftAlone()
    {
        await _hub.Client.CreateOrchestrationInstanceAsync("ComplaintWorkflow", string.Empty, "CMP-20261130-FRESH1", new { probe = 1 });
        var before = (await _hub.Client.GetOrchestrationStateAsync("CMP-20261130-FRESH1"))!;
        var repair = new StalledInstanceRepair(_hub, _options, NullLogger<StalledInstanceRepair>.Instance);

        var repaired = await repair.RepairAsync(DateTime.UtcNow.AddMinutes(-1), CancellationToken.None);

        Assert.Equal(0, repaired);
        Assert.Equal(before.OrchestrationInstance.ExecutionId, (await _hub.Client.GetOrchestrationStateAsync("CMP-20261130-FRESH1"))!.OrchestrationInstance.ExecutionId);
    }

    [Fact]
    public async Task RepairWhenQuietAsync_MessageWaitingInAQueue_WaitsUntilTheQueuesAreEmpty()
    {
        var workItems = new QueueClient(azurite.ConnectionString, TaskHubQueues.WorkItems(_options.TaskHubName));
        await workItems.SendMessageAsync("an activity still queued behind a backlog");
        var repair = new StalledInstanceRepair(_hub, _options, NullLogger<StalledInstanceRepair>.Instance);

        var queued = await _hub.HasQueuedWorkAsync(CancellationToken.None);
        var repairing = repair.RepairWhenQuietAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        await Task.Delay(1500);
        var ranWhileQueued = repairing.IsCompleted;
        await workItems.ClearMessagesAsync();
        var repaired = await repairing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(queued);
        Assert.False(ranWhileQueued);
        Assert.False(await _hub.HasQueuedWorkAsync(CancellationToken.None));
        Assert.Equal(0, repaired);
    }

    public async Task InitializeAsync()
    {
        _hub = new ComplaintTaskHub(azurite.ConnectionString, _options, new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);
        await _hub.Service.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await _hub.DeleteAsync();
        await _hub.DisposeAsync();
    }
}
