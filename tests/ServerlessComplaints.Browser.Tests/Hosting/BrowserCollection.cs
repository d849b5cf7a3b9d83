namespace ServerlessComplaints.Browser.Tests.Hosting;

/// <summary>Every browser test shares one service and one Chromium (the tests run one after another on 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
