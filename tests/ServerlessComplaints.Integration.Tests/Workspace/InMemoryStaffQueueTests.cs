using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Setup;
using ServerlessComplaints.Workflow.Workspace;
using static ServerlessComplaints.Integration.Tests.Workspace.QueueSamples;

namespace ServerlessComplaints.Integration.Tests.Workspace;

/// <summary>The staff queue contract on the in-memory store the tests and demos use.</summary>
public sealed class InMemoryStaffQueueTests : StaffQueueContractTests
{
    [Fact]
    public async Task AddInMemoryCaseStores_RegistersTheQueueOverTheSameStore()
    {
        await using var provider = new ServiceCollection().AddComplaintWorkflow(new ComplaintCentreSettings()).AddInMemoryCaseStores().BuildServiceProvider();
        var viewer = new StaffMember("li.lei", "李雷", "li.lei@example.cn", "quality", StaffRole.Staff);
        var record = Case();
        await provider.GetRequiredService<IComplaintStore>().TryAddAsync(record, None);

        var page = await provider.GetRequiredService<IStaffQueue>().ListAsync(viewer, new StaffQueueRequest(), None);

        Assert.Equal([record.TrackingNumber], Numbers(page));
        Assert.Same(provider.GetRequiredService<IComplaintStore>(), provider.GetRequiredService<ICustomerCases>());
    }

    protected override Task<(IComplaintStore Store, IStaffQueue Queue)> CreateAsync()
    {
        var store = new InMemoryComplaintStore();
        return Task.FromResult<(IComplaintStore, IStaffQueue)>((store, new InMemoryStaffQueue(store, Calendar, Clock)));
    }

    protected override Task<IReadOnlyList<CustomerCase>> OtherCasesAsync(IComplaintStore store, Customer customer, string excluded) =>
        ((ICustomerCases)store).ListOtherCasesAsync(customer, excluded, 20, None);
}
