using ServerlessComplaints.LocalHost.Hosting;

namespace ServerlessComplaints.Integration.Tests.Hardening;

/// <summary>The service mails through its own loopback-only sink, even when it listens on every interface.</summary>
public sealed class LocalAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:7071", "http://127.0.0.1:7071")]
    [InlineData("http://0.0.0.0:7071", "http://127.0.0.1:7071")]
    [InlineData("http://[::]:7071", "http://[::1]:7071")]
    [InlineData("http://localhost:5000/", "http://localhost:5000")]
    public async Task LoopbackUrlAsync_BoundAddress_LoopbackAuthority(string bound, string expected)
    {
        var address = new LocalAddress();
        address.Set(bound);

        Assert.Equal(expected, await address.LoopbackUrlAsync());
    }
}
