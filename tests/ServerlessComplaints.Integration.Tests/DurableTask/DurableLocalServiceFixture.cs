using ServerlessComplaints.Integration.Tests.LocalService;

namespace ServerlessComplaints.Integration.Tests.DurableTask;

/// <summary>The LocalHost service started with <c>LocalService:Engine=durable-task</c>: a task hub of its own on the fixture's Azurite.</summary>
public sealed class DurableLocalServiceFixture : LocalServiceFixture
{
    protected override IEnumerable<string> ExtraArguments =>
    [
        "--LocalService:Engine", "durable-task",
        "--DurableTask:TaskHubName", TablePrefix + "hub",
        "--DurableTask:PartitionCount", "1",
        "--DurableTask:MaxQueuePollingInterval", "00:00:00.500",
    ];
}

/// <summary>Tests in this collection share one LocalHost service on the Durable Task engine (and its Azurite).</summary>
[CollectionDefinition(Name)]
public sealed class DurableLocalServiceCollection : ICollectionFixture<DurableLocalServiceFixture>
{
    public const string Name = "DurableLocalService";
}
