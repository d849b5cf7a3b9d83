using ServerlessComplaints.Integration.Tests.LocalService;
using ServerlessComplaints.Integration.Tests.Resilience;

namespace ServerlessComplaints.Integration.Tests.DurableTask;

/// <summary><see cref="RestartTests"/> on the Durable Task engine: a graceful stop mid-case, the restart finishes the case.</summary>
[Collection(DurableRestartCollection.Name)]
public sealed class DurableRestartTests(DurableRestartTests.Fixture fixture) : RestartTests(fixture)
{
    /// <summary>
    /// A service of its own with the short lease and visibility of the reliability tests: with the defaults (30 s lease,
    /// 5 min visibility) a case stayed in its stage for more than 30 s after a restart under load (the worker stops forced).
    /// </summary>
    public sealed class Fixture : LocalServiceFixture
    {
        protected override IEnumerable<string> ExtraArguments => [.. TestEngine.Arguments(TestEngine.DurableTask), "--DurableTask:TaskHubName", TablePrefix + "hub"];
    }
}

[CollectionDefinition(Name)]
public sealed class DurableRestartCollection : ICollectionFixture<DurableRestartTests.Fixture>
{
    public const string Name = "DurableRestart";
}
