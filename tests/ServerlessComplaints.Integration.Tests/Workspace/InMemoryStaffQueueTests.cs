using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Workspace;
using static ServerlessComplaints.Integration.Tests.Workspace.QueueSamples;

namespace ServerlessComplaints.Integration.Tests.Workspace;

/// <summary>The staff queue contract on the in-memory store the tests and demos use.</summary>
public sealed class InMemoryStaffQueueTests : StaffQueueContractTests
{
    protected override Task<(IComplaintStore Store, IStaffQueue Queue)> CreateAsync()
    {
        var store = new InMemoryComplaintStore();
        return Task.FromResult<(IComplaintStore, IStaffQueue)>((store, new InMemoryStaffQueue(store, Calendar, Clock)));
    }

    protected override Task<IReadOnlyList<CustomerCase>> OtherCasesAsync(IComplaintStore store, Customer customer, string excluded) =>
        ((ICustomerCases)store).ListOtherCasesAsync(customer, excluded, 20, None);
}
