using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Setup;
using ServerlessComplaints.Workflow.Workspace;
using static ServerlessComplaints.Integration.Tests.Workspace.QueueSamples;

namespace ServerlessComplaints.Integration.Tests.Workspace;

/// <summary>The dashboard contract on the in-memory store the tests and demos use.</summary>
public sealed class InMemoryDashboardTests : DashboardContractTests
{
    [Fact]
    public async Task AddInMemoryCaseStores_RegistersTheDashboardOverTheSameStore()
    {
        await using var provider = new ServiceCollection().AddComplaintWorkflow(new ComplaintCentreSettings()).AddInMemoryCaseStores().BuildServiceProvider();
        var record = At(new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc));
        await provider.GetRequiredService<IComplaintStore>().TryAddAsync(record, None);

        var figures = await provider.GetRequiredService<IDashboard>().ReadAsync(March, None);

        Assert.IsType<InMemoryDashboard>(provider.GetRequiredService<IDashboard>());
        Assert.Equal(1, figures.Received);
    }

    protected override Task<(IComplaintStore Store, IDashboard Dashboard)> CreateAsync()
    {
        var store = new InMemoryComplaintStore();
        return Task.FromResult<(IComplaintStore, IDashboard)>((store, new InMemoryDashboard(store, Calendar)));
    }
}
