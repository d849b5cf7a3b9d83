using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ServerlessComplaints.Web.Hosting;

/// <summary>
/// The secrets behind the web surface's links and webhook, as configured (not as defaulted): the status-link key,
/// the action-token keys and the Inbound Parse secret. Outside Development each must be configured, or the start
/// stops with the names to set; a random key per process would break every link at the next restart or scale-out.
/// </summary>
public sealed class SurfaceSecrets
{
    public static readonly (string Key, string Name)[] Required =
    [
        ("Security:StatusLinkKey", "the status-link key"),
        ("ActionTokens:Keys", "the action-token keys (ActionTokens:Keys:<id> and ActionTokens:ActiveKeyId)"),
        ("InboundEmail:Secret", "the Inbound Parse webhook secret"),
    ];

    public IReadOnlyList<string> Missing { get; set; } = [];

    public static IReadOnlyList<string> MissingIn(IConfiguration configuration) =>
        [.. Required.Where(r => !configuration.GetSection(r.Key).Exists()).Select(r => r.Key)];
}

/// <summary>Fails the start outside Development when a secret is not configured (validated at start).</summary>
public sealed class SurfaceSecretsValidator(IHostEnvironment environment) : IValidateOptions<SurfaceSecrets>
{
    public ValidateOptionsResult Validate(string? name, SurfaceSecrets options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (environment.IsDevelopment() || options.Missing.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var names = SurfaceSecrets.Required.Where(r => options.Missing.Contains(r.Key)).Select(r => $"{r.Key} ({r.Name}; env {r.Key.Replace(":", "__", StringComparison.Ordinal)})");
        return ValidateOptionsResult.Fail(
            $"Missing secrets in environment '{environment.EnvironmentName}': {string.Join(", ", names)}. Configure them (Key Vault in Azure); only Development generates keys.");
    }
}
