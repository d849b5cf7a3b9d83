using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServerlessComplaints.Functions.Hosting;

/// <summary>Says at start how staff are identified, and warns loudly when staff routes are closed for want of settings.</summary>
internal sealed partial class StaffIdentityStartupReport(IOptions<StaffIdentityOptions> options, ILogger<StaffIdentityStartupReport> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var identity = options.Value;
        if (identity.IsConfigured)
        {
            LogConfigured(logger, identity.TenantId, identity.ClientId);
        }
        else
        {
            LogNotConfigured(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff sign-in: Entra ID tokens of tenant {TenantId} for app registration {ClientId}, validated by the app")]
    private static partial void LogConfigured(ILogger logger, string tenantId, string clientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff sign-in is not configured (StaffIdentity:ClientId is empty): staff routes answer 503 until AUTH_CLIENT_ID is set and the app is provisioned again")]
    private static partial void LogNotConfigured(ILogger logger);
}
