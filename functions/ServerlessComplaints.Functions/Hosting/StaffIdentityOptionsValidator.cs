using Microsoft.Extensions.Options;

namespace ServerlessComplaints.Functions.Hosting;

/// <summary>Plugs <see cref="StaffIdentityOptions.Validate"/> into the options pipeline so <c>ValidateOnStart</c> fails fast.</summary>
public sealed class StaffIdentityOptionsValidator : IValidateOptions<StaffIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffIdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
