using ServerlessComplaints.Integration.Tests.LocalService;

namespace ServerlessComplaints.Integration.Tests.DurableTask;

/// <summary><see cref="RestartTests"/> on the Durable Task engine: a graceful stop mid-case releases the hub, the restart finishes the case.</summary>
[Collection(DurableLocalServiceCollection.Name)]
public sealed class DurableRestartTests(DurableLocalServiceFixture fixture) : RestartTests(fixture);
