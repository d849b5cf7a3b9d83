using ServerlessComplaints.Runtime.Storage;

namespace ServerlessComplaints.Integration.Tests.Runtime;

/// <summary>The store contract on the in-memory store: the reference behaviour.</summary>
public sealed class InMemoryHistoryStoreTests : HistoryStoreContractTests
{
    protected override Task<IHistoryStore> CreateStoreAsync() => Task.FromResult<IHistoryStore>(new InMemoryHistoryStore());
}
