using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ServerlessComplaints.Web.Hosting;

/// <summary>
/// One data-protection key ring for every instance and every restart of either host: the keys are blobs in the storage
/// account the host already uses (container <c>dataprotection</c>, <c>DataProtection:Container</c>), under one
/// application name, so a staff session or antiforgery token issued by one instance is read by any other — Flex
/// Consumption has no sticky sessions — and outlives a restart or a deployment.
/// </summary>
public static class SharedKeyRing
{
    /// <summary>Isolates the ring from other apps' purposes, and makes both hosts' instances one app (the default is the content root path).</summary>
    public const string ApplicationName = "ServerlessComplaints";

    public const string DefaultContainer = "dataprotection";

    public const string ContainerSetting = "DataProtection:Container";

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services, BlobServiceClient blobs, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(configuration);
        var container = configuration[ContainerSetting] is { Length: > 0 } name ? name : DefaultContainer;
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new BlobKeyRepository(blobs.GetBlobContainerClient(container)));
        return services;
    }
}
