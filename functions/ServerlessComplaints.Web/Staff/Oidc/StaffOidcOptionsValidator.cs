using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ServerlessComplaints.Web.Staff.Oidc;

/// <summary>
/// Fails the start when <c>StaffOidc</c> is set but incomplete or unsafe (any environment), and outside Development
/// when staff could not sign in at all: neither <c>StaffOidc</c> nor <c>Staff:ApiKeys</c> configured.
/// </summary>
public sealed class StaffOidcOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<StaffOidcOptions>
{
    public const string StaffKeysSection = "Staff:ApiKeys";

    public ValidateOptionsResult Validate(string? name, StaffOidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var development = environment.IsDevelopment();
        var problems = options.Validate(development).ToList();
        if (!options.IsConfigured && !development && !configuration.GetSection(StaffKeysSection).GetChildren().Any())
        {
            problems.Add(
                $"Staff sign-in is not configured in environment '{environment.EnvironmentName}': set {StaffOidcOptions.SectionName}:Authority, :ClientId and :ClientSecret "
                + $"(env {StaffOidcOptions.SectionName}__Authority, …) to sign staff in with the organisation's OpenID Connect provider, or {StaffKeysSection}:<staffId> for staff keys.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
