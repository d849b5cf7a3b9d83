using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Net.Http.Headers;
using ServerlessComplaints.Web.Hosting;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Assessment;

namespace ServerlessComplaints.Integration.Tests.Storage;

// Two app instances (two service providers, as two processes would have) on one Azurite container share one key ring.
[Collection(AzuriteCollection.Name)]
public class SharedKeyRingTests(AzuriteFixture azurite)
{
    private static readonly StaffDirectory Directory = new(StaffDirectoryOptions.Sample());

    [Fact]
    public void StaffSession_SignedInOnOneInstance_ReadByAnotherOnTheSameContainer_NotByAnotherKeyRing()
    {
        var container = AzuriteFixture.UniqueName("dp");
        using var first = Instance(container);
        using var second = Instance(container);
        using var stranger = Instance(AzuriteFixture.UniqueName("dp"));
        var signedIn = new DefaultHttpContext();
        Sessions(first).SignIn(signedIn, Directory.Get("li.na"));
        var cookie = SetCookieHeaderValue.Parse(signedIn.Response.Headers.SetCookie.ToString());

        var onSecond = Sessions(second).Current(WithCookie(cookie));
        var onStranger = Sessions(stranger).Current(WithCookie(cookie));

        Assert.Equal("li.na", onSecond?.Id);
        Assert.Null(onStranger);
    }

    [Fact]
    public void KeyRing_AfterARestart_SameKeysNoNewOne()
    {
        var container = AzuriteFixture.UniqueName("dp");
        string protectedText;
        using (var before = Instance(container))
        {
            protectedText = before.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("张伟");
        }

        using var after = Instance(container);
        var text = after.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText);
        var blobs = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container).GetBlobs().Select(b => b.Name).ToList();

        Assert.Equal("张伟", text);
        Assert.Single(blobs, b => b.StartsWith("keys/key-", StringComparison.Ordinal));
        Assert.Throws<CryptographicException>(() => after.GetRequiredService<IDataProtectionProvider>().CreateProtector("another purpose").Unprotect(protectedText));
    }

    private ServiceProvider Instance(string container)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [SharedKeyRing.ContainerSetting] = container }).Build();
        return new ServiceCollection().AddLogging().AddSharedKeyRing(new BlobServiceClient(azurite.ConnectionString), configuration).BuildServiceProvider();
    }

    private static StaffSessions Sessions(IServiceProvider services) =>
        new(services.GetRequiredService<IDataProtectionProvider>(), Directory, TimeProvider.System, new HostingEnvironment { EnvironmentName = "Production" });

    private static DefaultHttpContext WithCookie(SetCookieHeaderValue cookie)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"{cookie.Name}={cookie.Value}";
        return http;
    }
}
