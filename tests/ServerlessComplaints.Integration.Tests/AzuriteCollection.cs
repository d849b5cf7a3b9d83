namespace ServerlessComplaints.Integration.Tests;

/// <summary>Tests in this collection share one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
