using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Integration.Tests.Storage;

/// <summary>The idempotency store contract on the in-memory store.</summary>
public sealed class InMemoryIdempotencyStoreTests : IdempotencyStoreContractTests
{
    protected override Task<IIdempotencyStore> CreateStoreAsync() => Task.FromResult<IIdempotencyStore>(new InMemoryIdempotencyStore());
}
