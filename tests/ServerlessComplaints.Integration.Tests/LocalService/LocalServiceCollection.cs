namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>Tests in this collection share one running LocalHost service (and its Azurite).</summary>
[CollectionDefinition(Name)]
public sealed class LocalServiceCollection : ICollectionFixture<LocalServiceFixture>
{
    public const string Name = "LocalService";
}
