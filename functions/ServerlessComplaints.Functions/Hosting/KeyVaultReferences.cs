using Microsoft.Extensions.Configuration;

namespace ServerlessComplaints.Functions.Hosting;

/// <summary>App Service passes a Key Vault reference it could not resolve as its literal text; such a "secret" is public.</summary>
internal static class KeyVaultReferences
{
    public static void ThrowIfUnresolved(IConfiguration configuration)
    {
        var unresolved = configuration.AsEnumerable()
            .Where(kv => kv.Value?.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true)
            .Select(kv => kv.Key)
            .ToList();
        if (unresolved.Count > 0)
        {
            throw new InvalidOperationException(
                "Key Vault references were not resolved (missing secret or no access): " + string.Join(", ", unresolved) + ". Set the secrets and restart.");
        }
    }
}
